package org.warmstation.district.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a {@link ReportTable} as an XLSX workbook (Apache POI, streaming): one sheet, the same
 * header and cells as {@link ReportFormat#csv}; counts are numeric cells, suppressed ones the text
 * {@code <k}. Stateless; blocks on the stream.
 */
public final class ReportWorkbook {
    private ReportWorkbook() {
    }

    /**
     * @param t   the suppressed report
     * @param out where to write (not closed)
     * @throws IOException when writing fails
     */
    public static void write(ReportTable t, OutputStream out) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheet sheet = wb.createSheet("report " + t.from() + " " + t.to());
            Row header = sheet.createRow(0);
            for (int i = 0; i < ReportFormat.COLUMNS.size(); i++) {
                header.createCell(i).setCellValue(ReportFormat.COLUMNS.get(i));
            }
            int r = 1;
            for (List<String> cells : ReportFormat.cells(t)) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < cells.size(); i++) {
                    String v = cells.get(i);
                    if (i >= 3 && v.chars().allMatch(Character::isDigit) && !v.isEmpty()) {
                        row.createCell(i).setCellValue(Long.parseLong(v));
                    } else {
                        row.createCell(i).setCellValue(v);
                    }
                }
            }
            wb.write(out);
        }
    }

    /**
     * @param t the suppressed report
     * @return the workbook's bytes
     */
    public static byte[] bytes(ReportTable t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(t, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a byte array does not fail
        }
        return out.toByteArray();
    }
}
