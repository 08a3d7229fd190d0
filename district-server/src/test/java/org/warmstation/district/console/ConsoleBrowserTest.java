package org.warmstation.district.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.warmstation.district.console.testing.Browser;
import org.warmstation.district.console.testing.ConsoleExtension;

/** The login form, the overview and logout in headless Chromium. */
class ConsoleBrowserTest {
    @RegisterExtension
    static final ConsoleExtension console = new ConsoleExtension();

    @Test
    void analystLogsInThroughTheFormSeesTheOverviewAndLogsOut() throws Exception {
        try (Browser browser = new Browser(console.url())) {
            browser.open("/");
            browser.waitFor(By.id("login-form"));
            assertTrue(browser.driver().getCurrentUrl().contains("/login?next=%2F"), browser.driver().getCurrentUrl());
            browser.screenshot("console-login");
            browser.login(ConsoleExtension.ANALYST, ConsoleExtension.ANALYST_PASSWORD);
            assertEquals("区 " + ConsoleExtension.DISTRICT + " 概览", browser.text(By.id("overview-heading")));
            assertEquals(ConsoleExtension.ANALYST, browser.text(By.id("current-user")));
            Path shot = browser.screenshot("console-overview-placeholder");
            assertTrue(Files.size(shot) > 1000);
            browser.open("/?lang=en");
            assertEquals("District " + ConsoleExtension.DISTRICT + " overview", browser.text(By.id("overview-heading")));
            browser.logout();
            browser.open("/");
            browser.waitFor(By.id("login-form"));
        }
    }
}
