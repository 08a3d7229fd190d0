package org.warmstation.district;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * {@code district-server report} refuses bad combinations of the supplies, stock, ratings and
 * loans tables with a clear message and exit code 2, before it opens any database.
 */
class ReportCommandTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "report --loans|need --district",
        "report --supplies --district 110105|a period is needed",
        "report --ratings --district 110105|a period is needed",
        "report --loans --district 110105 --month 2026-11|present state",
        "report --stock --district 110105 --date 2026-11-02|present state",
        "report --supplies --loans --district 110105 --month 2026-11|mutually exclusive",
        "report --supplies --district 110105 --month 2026-13|2026-13",
        "report --ratings --district 110105 --month 2026-11 --k 2|k must be at least 3",
        "report --stock --district 110105 --zone Mars/Olympus|unknown time zone: Mars/Olympus",
        "report|a period is needed",
    })
    void badArgumentsGiveAClearMessageAndExitCode2(String args, String message) {
        CommandLine cl = DistrictServerCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args.split(" "));
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains(message), err.toString());
        assertTrue(!err.toString().contains("Exception") && !err.toString().contains("\tat "), "no stack trace: " + err);
        assertEquals("", out.toString());
    }
}
