package org.warmstation.district.console.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.warmstation.district.console.testing.Browser;
import org.warmstation.district.console.testing.ConsoleExtension;
import org.warmstation.district.console.testing.ConsoleHttp;
import org.warmstation.district.supply.RatingProjection;
import org.warmstation.district.supply.SupplyProjection;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.protocol.rating.RatingAnswer;
import org.warmstation.protocol.rating.RatingReason;
import org.warmstation.protocol.supply.SupplyMovement;
import org.warmstation.protocol.wire.RecordBody;
import org.warmstation.protocol.wire.RecordTypes;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.WireRating;
import org.warmstation.protocol.wire.WireSupply;

/**
 * The supplies and satisfaction page in headless Chromium, over movements and ratings projected
 * by the district's own sinks: stock per station with the low one flagged first, handouts with a
 * small cell shown as {@code <5}, satisfaction shares with a small station's shares hidden; a bad
 * range is a 400 page; the page's screenshot ({@code district-supplies}).
 */
@Tag("screenshots")
class SuppliesBrowserTest {
    private static final Instant T = Instant.now().minusSeconds(120);
    private static long seq;

    @RegisterExtension
    static final ConsoleExtension console = new ConsoleExtension().withSetup(db -> {
        try (Connection c = db.connection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO station (district_id, station_id, name) VALUES "
                    + "(110105, 'st-a', '东大桥驿站'), (110105, 'st-b', '呼家楼驿站')");
            c.setAutoCommit(false);
            Topics a = new Topics(ConsoleExtension.DISTRICT, "st-a");
            Topics b = new Topics(ConsoleExtension.DISTRICT, "st-b");
            supply(c, a, SupplyMovement.DELIVERY, "GLOVES", 20, 20, null);
            supply(c, a, SupplyMovement.DELIVERY, "HATS", 5, 5, null);
            for (int i = 0; i < 6; i++) {
                supply(c, a, SupplyMovement.HANDOUT, "GLOVES", 1, 19 - i, WorkerCategory.COURIER);
            }
            supply(c, a, SupplyMovement.HANDOUT, "HATS", 1, 4, WorkerCategory.SANITATION);
            supply(c, a, SupplyMovement.HANDOUT, "HATS", 1, 3, WorkerCategory.SANITATION);
            supply(c, b, SupplyMovement.DELIVERY, "DRINKS", 48, 48, null);
            RatingAnswer[] answers = {RatingAnswer.SATISFIED, RatingAnswer.SATISFIED, RatingAnswer.SATISFIED,
                RatingAnswer.SATISFIED, RatingAnswer.NEUTRAL, RatingAnswer.DISSATISFIED};
            for (RatingAnswer answer : answers) {
                rating(c, a, answer);
            }
            rating(c, b, RatingAnswer.SATISFIED);
            rating(c, b, RatingAnswer.DISSATISFIED);
            c.commit();
        }
    });

    private static void supply(Connection c, Topics station, SupplyMovement m, String item, int quantity, int after,
                               WorkerCategory category) throws SQLException {
        UUID id = UUID.randomUUID();
        RecordBody body = new WireSupply(id, T, m, item, quantity, after, 10, category == null ? null : UUID.randomUUID(),
                category, false);
        new SupplyProjection().stored(c, station, RecordTypes.standard().record(id, ++seq, 1, T, body), body);
    }

    private static void rating(Connection c, Topics station, RatingAnswer answer) throws SQLException {
        RecordBody body = new WireRating(UUID.randomUUID(), T, answer,
                answer == RatingAnswer.DISSATISFIED ? List.of(RatingReason.COLD) : List.of());
        new RatingProjection().stored(c, station, RecordTypes.standard().record(UUID.randomUUID(), ++seq, 1, T, body), body);
    }

    @Test
    void stockHandoutsAndSatisfactionAreShownWithSmallCellsHidden() throws Exception {
        try (Browser b = new Browser(console.url())) {
            b.size(1366, 900);
            b.open("/supplies?lang=en");
            b.login(ConsoleExtension.ANALYST, ConsoleExtension.ANALYST_PASSWORD);
            b.open("/supplies?lang=en");
            assertEquals("1 items low", b.text(By.id("stock-low-count")));
            List<WebElement> stock = b.driver().findElements(By.cssSelector("#stock tbody tr"));
            assertEquals(3, stock.size());
            assertTrue(stock.getFirst().getAttribute("class").contains("stock-low"), "the low item first");
            assertTrue(stock.getFirst().getText().contains("Hat"), stock.getFirst().getText());
            assertEquals("3", stock.getFirst().findElement(By.cssSelector(".stock")).getText());
            assertEquals("low", stock.getFirst().findElement(By.cssSelector(".stock-state")).getText());

            List<WebElement> handouts = b.driver().findElements(By.cssSelector("#handouts tbody tr"));
            assertEquals(2, handouts.size());
            assertTrue(handouts.get(0).getText().contains("Gloves") && handouts.get(0).getText().contains("Courier"));
            assertEquals("6", handouts.get(0).findElement(By.cssSelector(".units")).getText());
            assertEquals("<5", handouts.get(1).findElement(By.cssSelector(".units")).getText(), "2 hats: suppressed");

            List<WebElement> ratings = b.driver().findElements(By.cssSelector("#satisfaction tbody tr"));
            assertEquals(2, ratings.size());
            WebElement big = ratings.stream().filter(r -> r.getText().contains("东大桥")).findFirst().orElseThrow();
            assertEquals("6", big.findElement(By.cssSelector(".ratings")).getText());
            assertEquals("67 %", big.findElement(By.cssSelector(".satisfied")).getText());
            assertEquals("17 %", big.findElement(By.cssSelector(".dissatisfied")).getText());
            WebElement small = ratings.stream().filter(r -> r.getText().contains("呼家楼")).findFirst().orElseThrow();
            assertEquals("<5", small.findElement(By.cssSelector(".ratings")).getText());
            assertEquals("–", small.findElement(By.cssSelector(".satisfied")).getText(), "no shares of a hidden cell");

            b.open("/supplies?lang=zh");
            b.waitFor(By.id("satisfaction"));
            assertEquals("库存不足", b.text(By.cssSelector("#stock tbody tr .stock-state")));
            assertTrue(Files.size(b.screenshot("district-supplies")) > 20_000);
        }
    }

    @Test
    void aBadRangeIsAClearMessageAndTheNavLinksThePage() throws Exception {
        ConsoleHttp analyst = console.loggedIn(ConsoleExtension.ANALYST, ConsoleExtension.ANALYST_PASSWORD);
        ConsoleHttp.Response bad = analyst.get("/supplies?from=2026-12-31&to=2026-01-01&lang=en");
        assertEquals(400, bad.status());
        assertTrue(!bad.body().contains("Exception"), bad.body());
        assertTrue(analyst.get("/supplies?lang=en").body().contains("href=\"/supplies\""), "the nav tab");
        assertEquals(303, console.http().get("/supplies").status(), "login first");
    }
}
