package org.warmstation.district.report;

import java.util.List;
import java.util.Set;

/**
 * A table as the district exports it (CSV, XLSX, CLI text): a header and rows of cells already
 * suppressed and formatted, so every output of the same table shows the same text. Immutable.
 *
 * @param name    a short name (the XLSX sheet's name; at most 31 characters are used)
 * @param columns the header, in order
 * @param numeric indexes of the columns holding counts (written as numbers in XLSX when the cell
 *                is all digits; a suppressed {@code <k} stays text)
 * @param rows    the cells of each row, as many as {@code columns}
 */
public record ExportTable(String name, List<String> columns, Set<Integer> numeric, List<List<String>> rows) {
    /**
     * @throws IllegalArgumentException when a row's width differs from the header's
     */
    public ExportTable {
        columns = List.copyOf(columns);
        numeric = Set.copyOf(numeric);
        rows = rows.stream().map(List::copyOf).toList();
        for (List<String> r : rows) {
            if (r.size() != columns.size()) {
                throw new IllegalArgumentException("a row of " + r.size() + " cells under " + columns.size() + " columns");
            }
        }
    }
}
