package org.warmstation.district.report;

import java.util.List;
import java.util.Locale;
import org.warmstation.district.report.ReportTable.Shown;
import org.warmstation.district.report.VisitReport.Dimension;

/**
 * Renders a {@link ReportTable} (already suppressed) as CSV (RFC 4180) or aligned text. The CLI
 * prints these; the console's CSV download is {@link #csvWithBom}. Pure functions.
 */
public final class ReportFormat {
    /** The CSV header: the columns every export has, in this order. */
    public static final List<String> COLUMNS = List.of("dimension", "key", "key2", "person_visits", "distinct_members");

    private ReportFormat() {
    }

    /**
     * @param t the suppressed report
     * @return CSV with header {@link #COLUMNS}, the TOTAL and GUESTS lines first, CRLF line ends,
     *         suppressed cells as {@code <k}
     */
    public static String csv(ReportTable t) {
        return csv(export(t));
    }

    /**
     * @param t a table
     * @return CSV (RFC 4180) with the table's header, CRLF line ends
     */
    public static String csv(ExportTable t) {
        StringBuilder sb = new StringBuilder(String.join(",", t.columns().stream().map(ReportFormat::csvField).toList()))
                .append("\r\n");
        for (List<String> cells : t.rows()) {
            sb.append(String.join(",", cells.stream().map(ReportFormat::csvField).toList())).append("\r\n");
        }
        return sb.toString();
    }

    /**
     * @param t a table
     * @return {@link #csv(ExportTable)} behind a UTF-8 byte order mark (for Excel)
     */
    public static String csvWithBom(ExportTable t) {
        return "\uFEFF" + csv(t);
    }

    /**
     * @param t the suppressed report
     * @return the report as an export table: header {@link #COLUMNS}, rows {@link #cells}
     */
    public static ExportTable export(ReportTable t) {
        return new ExportTable("report " + t.from() + " " + t.to(), COLUMNS, java.util.Set.of(3, 4), cells(t));
    }

    /**
     * @param t a table
     * @return aligned text: the header and each row, columns padded to their widest cell (Chinese
     *         characters count two columns, as a terminal shows them), counts right-aligned
     */
    public static String text(ExportTable t) {
        int[] width = new int[t.columns().size()];
        for (List<String> r : java.util.stream.Stream.concat(java.util.stream.Stream.of(t.columns()), t.rows().stream())
                .toList()) {
            for (int i = 0; i < width.length; i++) {
                width[i] = Math.max(width[i], width(r.get(i)));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> r : java.util.stream.Stream.concat(java.util.stream.Stream.of(t.columns()), t.rows().stream())
                .toList()) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < width.length; i++) {
                String v = r.get(i);
                String pad = " ".repeat(width[i] - width(v));
                line.append(i == 0 ? "" : "  ").append(t.numeric().contains(i) ? pad + v : v + pad);
            }
            sb.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return sb.toString();
    }

    /**
     * @param t the suppressed report
     * @return {@link #csv} behind a UTF-8 byte order mark, so Excel reads the Chinese correctly
     */
    public static String csvWithBom(ReportTable t) {
        return "\uFEFF" + csv(t);
    }

    /**
     * @param t the suppressed report
     * @return each line's cells in {@link #COLUMNS} order (what CSV and XLSX both write)
     */
    public static List<List<String>> cells(ReportTable t) {
        return t.lines().stream().map(l -> List.of(l.dimension().name(), l.key(), l.key2(), l.visits(), l.members()))
                .toList();
    }

    /**
     * @param t the suppressed report
     * @return a human-readable text report, one section per dimension
     */
    public static String text(ReportTable t) {
        Shown total = t.lines().get(0);
        Shown guests = t.lines().get(1);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Person-visits %s .. %s: %s (guests %s), distinct members %s%n",
                t.from(), t.to(), total.visits(), guests.visits(), total.members()));
        sb.append(String.format(Locale.ROOT, "(cells of fewer than %d people shown as <%d)%n", t.k(), t.k()));
        for (Dimension d : Dimension.values()) {
            List<Shown> lines = t.lines(d);
            if (d == Dimension.TOTAL || d == Dimension.GUESTS || lines.isEmpty()) {
                continue;
            }
            String name = d.name().toLowerCase(Locale.ROOT).replace('_', ' ');
            sb.append(String.format(Locale.ROOT, "%nBy %s%n", name));
            sb.append(String.format(Locale.ROOT, "  %-32s %14s %17s%n", name, "person-visits", "distinct members"));
            for (Shown l : lines) {
                String key = l.key2().isEmpty() ? l.key() : l.key() + " / " + l.key2();
                sb.append(String.format(Locale.ROOT, "  %-32s %14s %17s%n", key, l.visits(), l.members()));
            }
        }
        return sb.toString();
    }

    /** Terminal columns of a text: East Asian wide characters take two. */
    static int width(String s) {
        return s.codePoints().map(cp -> (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) ? 2 : 1).sum();
    }

    static String csvField(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
