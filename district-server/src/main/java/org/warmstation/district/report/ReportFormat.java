package org.warmstation.district.report;

import java.util.Locale;
import org.warmstation.district.report.VisitReport.Dimension;
import org.warmstation.district.report.VisitReport.Row;

/** Renders a {@link VisitReport} as aligned text or as CSV (RFC 4180). Pure functions. */
public final class ReportFormat {
    private ReportFormat() {
    }

    /**
     * @param r the report
     * @return CSV with header {@code dimension,key,person_visits,distinct_members}, a TOTAL and a
     *         GUESTS line first, CRLF line ends
     */
    public static String csv(VisitReport r) {
        StringBuilder sb = new StringBuilder("dimension,key,person_visits,distinct_members\r\n");
        sb.append("TOTAL,").append(r.from()).append("..").append(r.to()).append(',').append(r.personVisits())
                .append(',').append(r.distinctMembers()).append("\r\n");
        sb.append("GUESTS,,").append(r.guestVisits()).append(",0\r\n");
        for (Row row : r.rows()) {
            sb.append(row.dimension()).append(',').append(csvField(row.key())).append(',')
                    .append(row.personVisits()).append(',').append(row.distinctMembers()).append("\r\n");
        }
        return sb.toString();
    }

    /**
     * @param r the report
     * @return a human-readable text report, one section per dimension
     */
    public static String text(VisitReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Person-visits %s .. %s: %d (guests %d), distinct members %d%n",
                r.from(), r.to(), r.personVisits(), r.guestVisits(), r.distinctMembers()));
        for (Dimension d : Dimension.values()) {
            sb.append(String.format(Locale.ROOT, "%nBy %s%n", d.name().toLowerCase(Locale.ROOT)));
            sb.append(String.format(Locale.ROOT, "  %-24s %14s %17s%n", d.name().toLowerCase(Locale.ROOT),
                    "person-visits", "distinct members"));
            for (Row row : r.rows(d)) {
                sb.append(String.format(Locale.ROOT, "  %-24s %14d %17d%n", row.key(), row.personVisits(),
                        row.distinctMembers()));
            }
        }
        return sb.toString();
    }

    static String csvField(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
