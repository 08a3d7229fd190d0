package org.warmstation.district.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.warmstation.district.console.pages.ConsolePages;
import org.warmstation.district.console.testing.ConsoleExtension;
import org.warmstation.district.console.testing.ConsoleHttp;

/**
 * Bad input gets a clear zh/en message page and a 4xx, never a stack trace: unknown routes,
 * malformed dates, reversed ranges, ranges over 400 days, oversized query strings; a failing
 * handler gets a 500 page without its trace.
 */
class ConsoleBadInputTest {
    @RegisterExtension
    static final ConsoleExtension console = new ConsoleExtension().withPages(services -> {
        List<ConsolePage> pages = new ArrayList<>(ConsolePages.standard(services));
        pages.add(routes -> routes
                .page("/probe/range", Access.ANALYST, ctx -> {
                    Params.DateRange r = Params.range(ctx, "from", "to", new Params.DateRange(
                            java.time.LocalDate.of(2026, 12, 1), java.time.LocalDate.of(2026, 12, 1)));
                    ctx.result(r.from() + ".." + r.to());
                })
                .data("/probe/data", Access.ANALYST, ctx -> {
                    Params.date(ctx, "day");
                    ctx.json(Map.of("ok", true));
                })
                .page("/probe/fail", Access.ANALYST, ctx -> {
                    throw new IllegalStateException("secret internal detail");
                }));
        return pages;
    });

    private static ConsoleHttp analyst() throws Exception {
        return console.loggedIn(ConsoleExtension.ANALYST, ConsoleExtension.ANALYST_PASSWORD);
    }

    private static void assertNoTrace(ConsoleHttp.Response res) {
        assertFalse(res.body().contains("Exception"), res.body());
        assertFalse(res.body().contains("at org."), res.body());
        assertFalse(res.body().contains("at io.javalin"), res.body());
    }

    @Test
    void unknownRouteIsA404MessagePageInBothLanguages() throws Exception {
        ConsoleHttp http = analyst();
        ConsoleHttp.Response zh = http.get("/no/such/page");
        assertEquals(404, zh.status());
        assertTrue(zh.body().contains("找不到页面 /no/such/page"), zh.body());
        assertNoTrace(zh);
        ConsoleHttp.Response en = http.get("/no/such/page?lang=en");
        assertEquals(404, en.status());
        assertTrue(en.body().contains("There is no page /no/such/page"), en.body());
        ConsoleHttp.Response anonymous = console.http().get("/nothing-here");
        assertEquals(404, anonymous.status());
        assertNoTrace(anonymous);
    }

    @Test
    void dayReportOfAPurgedMonthIsA400ThatSaysToChooseWholeMonths() throws Exception {
        try (var c = console.database().connection(); var st = c.createStatement()) {
            st.execute("INSERT INTO retention_state (id, purged_before) VALUES (1, '2025-03-01')");
        }
        try {
            ConsoleHttp http = analyst();
            ConsoleHttp.Response zh = http.get("/reports?from=2025-02-10&to=2025-02-20");
            assertEquals(400, zh.status());
            assertTrue(zh.body().contains("2025-03-01 之前的到访只保留按月汇总"), zh.body());
            assertNoTrace(zh);
            ConsoleHttp.Response en = http.get("/reports?from=2025-02-10&to=2025-02-20&lang=en");
            assertTrue(en.body().contains("Visits before 2025-03-01 are kept as monthly totals only"), en.body());
            assertEquals(200, http.get("/reports?from=2025-02-01&to=2025-02-28").status(), "a whole purged month is fine");
        } finally {
            try (var c = console.database().connection(); var st = c.createStatement()) {
                st.execute("DELETE FROM retention_state");
            }
        }
    }

    @Test
    void malformedDateIsA400NamingTheParameter() throws Exception {
        ConsoleHttp.Response res = analyst().get("/probe/range?from=2026-13-01&lang=en");
        assertEquals(400, res.status());
        assertTrue(res.body().contains("from = &quot;2026-13-01&quot; is not a date"), res.body());
        assertNoTrace(res);
        assertEquals(400, analyst().get("/probe/range?from=2026-02-30").status(), "strict: no February 30");
        assertEquals(400, analyst().get("/probe/range?from=yesterday").status());
    }

    @Test
    void rangesOver400DaysAndReversedRangesAreRefused() throws Exception {
        ConsoleHttp http = analyst();
        ConsoleHttp.Response tooLong = http.get("/probe/range?from=2025-01-01&to=2026-02-05");
        assertEquals(400, tooLong.status());
        assertTrue(tooLong.body().contains("日期范围共 401 天，最多允许 400 天"), tooLong.body());
        ConsoleHttp.Response ok = http.get("/probe/range?from=2025-01-01&to=2026-02-04");
        assertEquals(200, ok.status());
        assertEquals("2025-01-01..2026-02-04", ok.body());
        assertEquals("2026-11-01..2026-11-30", http.get("/probe/range?from=2026-11").body(), "a month");
        ConsoleHttp.Response reversed = http.get("/probe/range?from=2026-12-02&to=2026-12-01");
        assertEquals(400, reversed.status());
        assertNoTrace(reversed);
    }

    @Test
    void oversizedQueryStringIsA414MessagePage() throws Exception {
        String big = "x".repeat(5000);
        ConsoleHttp.Response res = analyst().get("/probe/range?from=" + big);
        assertEquals(414, res.status());
        assertTrue(res.body().contains("查询字符串过长"), res.body());
        assertNoTrace(res);
        assertEquals(414, console.http().get("/login?next=" + big).status(), "before login too");
        ConsoleHttp.Response huge = analyst().get("/probe/range?from=" + "y".repeat(40_000));
        assertTrue(huge.status() == 414 || huge.status() == 431, "past Jetty's 32 KB header limit: " + huge.status());
        assertNoTrace(huge);
    }

    @Test
    void brokenPercentEncodingIsA4xxWithoutTrace() throws Exception {
        ConsoleHttp.Response res = analyst().rawGet("/probe/range?from=%zz");
        assertTrue(res.status() >= 400 && res.status() < 500, "status " + res.status() + " " + res.body());
        assertNoTrace(res);
        ConsoleHttp.Response path = analyst().rawGet("/probe/%zz");
        assertTrue(path.status() >= 400 && path.status() < 500, "status " + path.status());
        assertNoTrace(path);
    }

    @Test
    void staticFilesDoNotLeaveTheirFolder() throws Exception {
        for (String p : List.of("/console/static/../templates/login.html", "/console/static/%2e%2e/templates/login.html",
                "/console/static/..%2Ftemplates%2Flogin.html", "/webjars/../console/templates/login.html")) {
            ConsoleHttp.Response res = console.http().rawGet(p);
            assertTrue(res.status() >= 400 && res.status() < 500, p + ": " + res.status());
            assertFalse(res.body().contains("th:"), p + " served a template's source");
            assertNoTrace(res);
        }
    }

    @Test
    void dataRouteAnswersJsonErrors() throws Exception {
        ConsoleHttp.Response res = analyst().get("/probe/data?day=12/01/2026&lang=en");
        assertEquals(400, res.status());
        assertTrue(res.header("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(res.body().startsWith("{\"status\":400,\"error\":\"The parameter day"), res.body());
        ConsoleHttp.Response anonymous = console.http().get("/probe/data");
        assertEquals(401, anonymous.status());
        assertTrue(anonymous.body().contains("\"status\":401"), anonymous.body());
    }

    @Test
    void failingHandlerIsA500WithoutStackTrace() throws Exception {
        ConsoleHttp.Response res = analyst().get("/probe/fail");
        assertEquals(500, res.status());
        assertTrue(res.body().contains("服务器内部错误"), res.body());
        assertFalse(res.body().contains("secret internal detail"));
        assertNoTrace(res);
    }
}
