package org.warmstation.district.console.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.warmstation.district.cards.CardRevocations;
import org.warmstation.district.console.testing.Browser;
import org.warmstation.district.console.testing.ConsoleExtension;
import org.warmstation.district.console.testing.ConsoleHttp;
import org.warmstation.district.db.VisitStore;
import org.warmstation.district.downlink.DownlinkRecord;
import org.warmstation.district.downlink.DownlinkSender;
import org.warmstation.protocol.wire.DownlinkCommand;
import org.warmstation.protocol.wire.VisitBatch;
import org.warmstation.protocol.wire.WireVisit;

/**
 * Card revocation on the console in headless Chromium: an admin revokes a card seen in a visit
 * (the new deny-list version is queued for every station, the card listed with reason, who and
 * when); an unknown serial, a bad reason, a non-number and a second revocation are refused with a
 * message and a 4xx; analysts see neither the page nor may they post. Screenshot
 * {@code district-cards}.
 */
@Tag("screenshots")
class CardsBrowserTest {
    @RegisterExtension
    static final ConsoleExtension console = new ConsoleExtension().withSetup(db -> {
        try (Connection c = db.connection()) {
            VisitStore store = new VisitStore();
            store.store(c, VisitBatch.of(ConsoleExtension.DISTRICT, "st-a", Instant.now(), List.of(visit(1, 4242), visit(2, 4243))));
            store.store(c, VisitBatch.of(ConsoleExtension.DISTRICT, "st-b", Instant.now(), List.of(visit(1, 4244))));
        }
    });

    private static WireVisit visit(long seq, long serial) {
        return new WireVisit(UUID.randomUUID(), seq, 1, Instant.now().minusSeconds(600), "Asia/Shanghai",
                String.format("%016x", serial), serial, "COURIER", List.of("HOT_WATER"), "CARD", true, 1000);
    }

    @Test
    void adminRevokesACardAndEveryStationIsSentTheNewDenyList() throws Exception {
        long before = new CardRevocations(console.database(), ConsoleExtension.DISTRICT).currentVersion();
        try (Browser b = new Browser(console.url())) {
            b.size(1366, 768);
            b.open("/cards?lang=en");
            b.login(ConsoleExtension.ADMIN, ConsoleExtension.ADMIN_PASSWORD);
            b.open("/cards?lang=en");
            b.waitFor(By.id("revoke-serial")).sendKeys("4242");
            new Select(b.driver().findElement(By.id("revoke-reason"))).selectByValue("stolen");
            b.clickAndWaitForNewPage(b.driver().findElement(By.id("revoke-submit")));
            b.waitFor(By.id("card-revoked"));
            long version = before + 1;
            assertTrue(b.text(By.id("card-revoked")).contains("Card 4242 revoked: deny list version " + version),
                    b.text(By.id("card-revoked")));
            assertEquals("stolen", b.text(By.cssSelector("#card-4242 .card-reason")));
            assertTrue(b.text(By.cssSelector("#card-4242")).contains("admin"));
            for (String station : List.of("st-a", "st-b")) {
                DownlinkRecord r = new DownlinkSender(console.database(), ConsoleExtension.DISTRICT).history(station, 1).getFirst();
                assertEquals(DownlinkCommand.Kind.DENY_LIST, r.kind());
                assertEquals(version, r.listVersion());
                assertEquals("admin", r.queuedBy());
            }

            b.waitFor(By.id("revoke-serial")).sendKeys("99999");
            b.clickAndWaitForNewPage(b.driver().findElement(By.id("revoke-submit")));
            assertTrue(b.waitFor(By.tagName("main")).getText().contains("Card 99999 is unknown to this district"),
                    b.text(By.tagName("main")));

            b.open("/cards?lang=zh");
            b.waitFor(By.id("card-4242"));
            assertEquals("被盗", b.text(By.cssSelector("#card-4242 .card-reason")));
            assertTrue(Files.size(b.screenshot("district-cards")) > 10_000);
        }
    }

    @Test
    void badInputIsRefusedWithAMessageAndA4xx() throws Exception {
        ConsoleHttp admin = console.loggedIn(ConsoleExtension.ADMIN, ConsoleExtension.ADMIN_PASSWORD);
        ConsoleHttp.Response unknown = admin.post("/cards/revoke?lang=en", Map.of("serial", "777777", "reason", "lost"));
        assertEquals(400, unknown.status());
        assertTrue(unknown.body().contains("Card 777777 is unknown to this district"), unknown.body());
        ConsoleHttp.Response reason = admin.post("/cards/revoke?lang=en", Map.of("serial", "4243", "reason", "broken"));
        assertEquals(400, reason.status());
        assertTrue(reason.body().contains("Choose a reason"), reason.body());
        ConsoleHttp.Response notANumber = admin.post("/cards/revoke?lang=zh", Map.of("serial", "12ab", "reason", "lost"));
        assertEquals(400, notANumber.status());
        assertTrue(notANumber.body().contains("不是卡号"), notANumber.body());
        assertEquals(303, admin.post("/cards/revoke", Map.of("serial", "4244", "reason", "left-union")).status());
        ConsoleHttp.Response again = admin.post("/cards/revoke?lang=en", Map.of("serial", "4244", "reason", "lost"));
        assertEquals(409, again.status());
        assertTrue(again.body().contains("Card 4244 is already revoked"), again.body());
    }

    @Test
    void analystMayNeitherSeeNorRevoke() throws Exception {
        ConsoleHttp analyst = console.loggedIn(ConsoleExtension.ANALYST, ConsoleExtension.ANALYST_PASSWORD);
        assertEquals(403, analyst.get("/cards").status());
        assertEquals(403, analyst.post("/cards/revoke", Map.of("serial", "4243", "reason", "lost")).status());
    }
}
