package org.warmstation.district.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.district.DistrictServerCli;
import org.warmstation.district.db.DistrictDatabase;
import picocli.CommandLine;

/** The console's CSV and XLSX downloads hold exactly the cells of {@code district-server report --csv}. */
public class ReportExportTest {
    @TempDir
    Path dir;

    @Test
    void csvAndXlsxDownloadsEqualTheCliReport() throws Exception {
        ReportTable table;
        try (DistrictDatabase db = DistrictDatabase.open(Optional.empty(), dir.resolve("pg"));
             Connection c = db.connection()) {
            ReportData.generate(11, 4, LocalDate.of(2026, 11, 1), 10).store(c);
            table = ReportTable.of(new ReportQueries().report(c, ReportPeriod.parse("2026-11", null)), new Suppression(5));
        }
        List<List<String>> cli = parseCsv(cli("report", "--data-dir", dir.resolve("pg").toString(), "--month", "2026-11",
                "--csv"));
        assertTrue(cli.size() > 50, "a report of some size");
        assertTrue(cli.stream().anyMatch(l -> l.get(3).equals("<5")), "suppressed cells");

        byte[] csv = ReportFormat.csvWithBom(table).getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(csv[0], csv[1], csv[2]), "UTF-8 BOM");
        assertEquals(cli, parseCsv(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8)));
        assertEquals(cli, parseXlsx(ReportWorkbook.bytes(table)));
    }

    static String cli(String... args) {
        CommandLine cl = DistrictServerCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        assertEquals(0, cl.execute(args), err.toString());
        return out.toString();
    }

    /** @return the lines' cells (fields here never need quotes: ids and names are [A-Za-z0-9_-]) */
    public static List<List<String>> parseCsv(String csv) {
        List<List<String>> out = new ArrayList<>();
        for (String line : csv.split("\r\n")) {
            out.add(List.of(line.split(",", -1)));
        }
        return out;
    }

    /**
     * @param xlsx a workbook
     * @return its first sheet's cells as text (numbers without a decimal part), as wide as its header row
     * @throws java.io.IOException when it is not a workbook
     */
    public static List<List<String>> parseXlsx(byte[] xlsx) throws java.io.IOException {
        List<List<String>> out = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            int width = sheet.getRow(0).getLastCellNum(); // the header's
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < width; i++) {
                    Cell cell = row.getCell(i);
                    if (cell == null) {
                        cells.add("");
                    } else if (cell.getCellType() == CellType.NUMERIC) {
                        cells.add(Long.toString((long) cell.getNumericCellValue()));
                    } else {
                        cells.add(cell.getStringCellValue());
                    }
                }
                out.add(cells);
            }
        }
        return out;
    }
}
