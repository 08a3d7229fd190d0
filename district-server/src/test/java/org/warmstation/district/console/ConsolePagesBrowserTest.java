package org.warmstation.district.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.warmstation.district.console.testing.Browser;
import org.warmstation.district.console.testing.ConsoleExtension;

/**
 * Every page of the route table (GET pages without path parameters), in both languages, on an
 * office screen (1366x768) and a phone (390x844), on an empty district: it renders (no error
 * page), the page itself does not scroll sideways (wide tables scroll in their own box), and the
 * browser logs no error (failed script, missing WebJar file).
 */
class ConsolePagesBrowserTest {
    @RegisterExtension
    static final ConsoleExtension console = new ConsoleExtension();

    private static List<Route> plainPages() {
        return console.server().routes().stream()
                .filter(r -> !r.writes() && r.kind() == Route.Kind.PAGE && !r.path().contains("{"))
                .toList();
    }

    @Test
    void everyPageRendersWithoutErrorsOrSidewaysScrollOnDesktopAndPhone() throws Exception {
        List<Route> pages = plainPages();
        assertFalse(pages.isEmpty());
        try (Browser browser = new Browser(console.url())) {
            browser.login(ConsoleExtension.ADMIN, ConsoleExtension.ADMIN_PASSWORD);
            browser.driver().manage().logs().get(LogType.BROWSER); // drop the login's entries
            for (int[] size : new int[][] {{1366, 768}, {390, 844}}) {
                browser.size(size[0], size[1]);
                for (Route r : pages) {
                    for (String lang : List.of("zh", "en")) {
                        String where = r.path() + " " + lang + " at " + size[0] + "x" + size[1];
                        browser.open(r.path() + "?lang=" + lang);
                        browser.waitFor(By.tagName("main"));
                        assertTrue(browser.driver().findElements(By.id("error-heading")).isEmpty(),
                                where + ": " + browser.driver().findElement(By.tagName("main")).getText());
                        long overflow = (Long) ((JavascriptExecutor) browser.driver()).executeScript(
                                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                        assertTrue(overflow <= 1, where + " scrolls sideways by " + overflow + " px");
                        List<LogEntry> errors = browser.driver().manage().logs().get(LogType.BROWSER).getAll().stream()
                                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
                        assertEquals(List.of(), errors.stream().map(LogEntry::getMessage).toList(), where);
                    }
                    String name = r.path().equals("/") ? "root" : r.path().substring(1).replace('/', '-');
                    browser.screenshot("console-page-" + name + "-" + size[0]);
                }
            }
        }
    }
}
