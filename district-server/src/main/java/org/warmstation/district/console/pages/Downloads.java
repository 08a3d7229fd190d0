package org.warmstation.district.console.pages;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import org.warmstation.district.report.ExportTable;
import org.warmstation.district.report.ReportFormat;
import org.warmstation.district.report.ReportWorkbook;

/**
 * Sends an {@link ExportTable} as a download: CSV as UTF-8 with a byte order mark (Excel reads the
 * Chinese), or an XLSX workbook. The one place the console's downloads are written. Stateless.
 */
final class Downloads {
    private Downloads() {
    }

    /**
     * @param ctx  the request
     * @param t    the table
     * @param name the file name without extension (ASCII)
     */
    static void csv(Context ctx, ExportTable t, String name) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
        ctx.contentType("text/csv; charset=UTF-8");
        ctx.result(ReportFormat.csvWithBom(t).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param ctx  the request
     * @param t    the table
     * @param name the file name without extension (ASCII)
     */
    static void xlsx(Context ctx, ExportTable t, String name) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"");
        ctx.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        ctx.result(ReportWorkbook.bytes(t));
    }
}
