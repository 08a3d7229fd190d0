package org.warmstation.district.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link ReportFormat} and {@link ReportWorkbook} over a plain {@link ExportTable}: CSV quoting and
 * BOM, aligned text (counts right-aligned, a Chinese character two columns wide), XLSX numbers and text.
 */
class ExportTableFormatTest {
    private static final ExportTable T = new ExportTable("loans", List.of("station_id", "station", "out"), Set.of(2),
            List.of(List.of("st-a", "东大桥驿站", "12"), List.of("st-b", "a, \"b\"", "<5")));

    @Test
    void csvQuotesFieldsAndTheDownloadHasABom() {
        assertEquals("station_id,station,out\r\nst-a,东大桥驿站,12\r\nst-b,\"a, \"\"b\"\"\",<5\r\n", ReportFormat.csv(T));
        assertEquals("\uFEFF" + ReportFormat.csv(T), ReportFormat.csvWithBom(T));
    }

    @Test
    void textPadsColumnsAndRightAlignsCounts() {
        String nl = System.lineSeparator();
        assertEquals("station_id  station     out" + nl
                + "st-a        东大桥驿站   12" + nl
                + "st-b        a, \"b\"       <5" + nl, ReportFormat.text(T));
    }

    @Test
    void workbookWritesCountsAsNumbersAndSuppressedCellsAsText() throws Exception {
        assertEquals(List.of(List.of("station_id", "station", "out"), List.of("st-a", "东大桥驿站", "12"),
                List.of("st-b", "a, \"b\"", "<5")), ReportExportTest.parseXlsx(ReportWorkbook.bytes(T)));
    }

    @Test
    void aRowOfTheWrongWidthIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new ExportTable("x", List.of("a", "b"), Set.of(), List.of(List.of("1"))));
    }
}
