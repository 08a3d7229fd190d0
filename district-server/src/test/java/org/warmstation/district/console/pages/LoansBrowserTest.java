package org.warmstation.district.console.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.warmstation.district.console.testing.Browser;
import org.warmstation.district.console.testing.ConsoleExtension;
import org.warmstation.district.loan.LoanBook;
import org.warmstation.protocol.wire.WireLoan;

/**
 * The loans page in headless Chromium: per station, loans out, overdue (over 3 days), returned in
 * the last 30 days (an umbrella lent at one station and handed back at another counts for the
 * lending one) and returns waiting for their loan; the page screenshot ({@code district-loans}).
 */
@Tag("screenshots")
class LoansBrowserTest {
    private static final String MEMBER = "00000000000000c2";
    private static final String OTHER = "00000000000000d7";
    private static final Instant NOW = Instant.now();

    @RegisterExtension
    static final ConsoleExtension console = new ConsoleExtension().withSetup(db -> {
        LoanBook book = new LoanBook();
        int d = ConsoleExtension.DISTRICT;
        try (Connection c = db.connection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO station (district_id, station_id, name) VALUES "
                    + "(110105, 'st-a', '东大桥驿站'), (110105, 'st-b', '呼家楼驿站')");
            book.lent(c, d, "st-a", new WireLoan("LENT", UUID.randomUUID(), "UMBRELLA", MEMBER,
                    NOW.minus(Duration.ofDays(5))));
            book.lent(c, d, "st-a", new WireLoan("LENT", UUID.randomUUID(), "POWER_BANK", OTHER,
                    NOW.minus(Duration.ofHours(2))));
            book.lent(c, d, "st-a", new WireLoan("LENT", UUID.randomUUID(), "RAINCOAT", MEMBER,
                    NOW.minus(Duration.ofDays(1))));
            book.returned(c, d, "st-b", UUID.randomUUID(), new WireLoan("RETURNED", null, "RAINCOAT", MEMBER,
                    NOW.minus(Duration.ofHours(20))));
            book.returned(c, d, "st-b", UUID.randomUUID(), new WireLoan("RETURNED", null, "RAINCOAT", OTHER,
                    NOW.minus(Duration.ofHours(1))));
        }
    });

    @Test
    void analystSeesLoansOutOverdueReturnedAndWaitingPerStation() throws Exception {
        try (Browser b = new Browser(console.url())) {
            b.size(1366, 768);
            b.open("/loans?lang=en");
            b.login(ConsoleExtension.ANALYST, ConsoleExtension.ANALYST_PASSWORD);
            b.open("/loans?lang=en");
            assertEquals("2", b.text(By.cssSelector("#loans-st-a .loans-out")), "umbrella and power bank");
            assertEquals("1", b.text(By.cssSelector("#loans-st-a .loans-overdue")), "the umbrella, 5 days out");
            assertEquals("1", b.text(By.cssSelector("#loans-st-a .loans-returned")), "the raincoat, handed back at B");
            assertEquals("0", b.text(By.cssSelector("#loans-st-b .loans-out")));
            assertEquals("1", b.text(By.cssSelector("#loans-st-b .loans-waiting")), "a return no loan matched yet");
            assertEquals("2", b.text(By.cssSelector("#loans-total .loans-out")));

            b.open("/loans?lang=zh");
            assertTrue(b.text(By.cssSelector("#loans-st-a")).startsWith("东大桥驿站"));
            assertEquals("借用", b.text(By.id("nav-loans")));
            assertTrue(Files.size(b.screenshot("district-loans")) > 10_000);
        }
    }
}
