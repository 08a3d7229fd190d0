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
        write(ReportFormat.export(t), out);
    }

    /**
     * @param t   a table: one sheet with its header and rows, its numeric columns' all-digit cells as numbers
     * @param out where to write (not closed)
     * @throws IOException when writing fails
     */
    public static void write(ExportTable t, OutputStream out) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheet sheet = wb.createSheet(t.name().length() > 31 ? t.name().substring(0, 31) : t.name());
            Row header = sheet.createRow(0);
            for (int i = 0; i < t.columns().size(); i++) {
                header.createCell(i).setCellValue(t.columns().get(i));
            }
            int r = 1;
            for (List<String> cells : t.rows()) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < cells.size(); i++) {
                    String v = cells.get(i);
                    if (t.numeric().contains(i) && v.chars().allMatch(Character::isDigit) && !v.isEmpty()) {
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
        return bytes(ReportFormat.export(t));
    }

    /**
     * @param t a table
     * @return the workbook's bytes
     */
    public static byte[] bytes(ExportTable t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(t, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a byte array does not fail
        }
        return out.toByteArray();
    }
}
