package org.warmstation.sync.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.warmstation.district.console.ConsoleServer;
import org.warmstation.district.console.ConsoleSettings;
import org.warmstation.district.console.auth.PasswordHasher;
import org.warmstation.district.console.auth.Role;
import org.warmstation.district.console.auth.UserStore;
import org.warmstation.district.downlink.DownlinkRecord;
import org.warmstation.district.downlink.DownlinkSender;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.ticket.TicketProblem;
import org.warmstation.protocol.ticket.TicketSource;
import org.warmstation.protocol.ticket.TicketStatus;
import org.warmstation.protocol.wire.DownlinkAck;
import org.warmstation.protocol.wire.DownlinkCommand;
import org.warmstation.protocol.wire.RecordKind;
import org.warmstation.sync.SyncAgent;
import org.warmstation.sync.testing.Await;
import org.warmstation.sync.testing.Stations;
import org.warmstation.visitlog.domain.Ticket;
import org.warmstation.visitlog.domain.UuidV7;
import org.warmstation.visitlog.outbox.RecordOutbox;
import org.warmstation.visitlog.outbox.SqliteRecordOutbox;
import org.warmstation.visitlog.store.SqliteTicketStore;

/**
 * Issue 11, "done when" 4: a ticket opened at a station while it is offline arrives at the
 * district once after the reconnect, an admin resolves it in the console's inbox (headless
 * Chromium), and the station's tickets (what its staff screen lists, see
 * {@code TicketScreensTest}) show it resolved: the district's signed TICKETS downlink, applied by
 * the agent and acked APPLIED. Real agent, real Mosquitto, real district server and console on
 * embedded PostgreSQL.
 */
class TicketsE2eTest {
    private static final Duration LONG = Duration.ofSeconds(60);
    private static final DistrictKey KEY = DistrictKey.generate(Stations.DISTRICT);
    private static final String ADMIN = "admin";
    private static final String PASSWORD = "admin-password-1";
    @RegisterExtension
    static final SyncE2e E2E = new SyncE2e(KEY);

    @Test
    void ticketOpenedOfflineArrivesOnceIsResolvedOnTheConsoleAndTheStationShowsItResolved() throws Exception {
        String st = "tickets-e2e";
        Path dir = Files.createDirectories(E2E.dir().resolve(st));
        try (SqliteTicketStore tickets = new SqliteTicketStore(dir);
             SqliteRecordOutbox outbox = new SqliteRecordOutbox(dir, RecordKind.TICKET)) {
            SyncAgent first = Stations.agent(Stations.config(E2E.broker().url(), st, dir).build(), KEY,
                    List.<RecordOutbox>of(outbox));
            first.start();
            Await.until(LONG, "station online", () -> first.status().connected(), first::status);
            first.stop();

            Ticket opened = tickets.open(Ticket.opened(new UuidV7().next(Instant.now()), Instant.now(),
                    TicketProblem.HEATER_BROKEN, TicketSource.STAFF, "二楼暖气不热", null));
            assertEquals(0, count(st), "the station is offline");

            SyncAgent second = Stations.agent(Stations.config(E2E.broker().url(), st, dir).build(), KEY,
                    List.<RecordOutbox>of(outbox));
            try {
                long start = System.nanoTime();
                second.start();
                Await.until(LONG, "ticket at the district and confirmed at the station",
                        () -> count(st) == 1 && outbox.stats(Instant.now()).waiting() == 0,
                        () -> count(st) + " at the district, waiting " + outbox.stats(Instant.now()).waiting());
                System.out.printf("[figures] ticket opened offline stored and confirmed %d ms after the agent started%n",
                        (System.nanoTime() - start) / 1_000_000);
                assertEquals(1, E2E.district().number("SELECT count(*) FROM station_record WHERE station_id = '" + st
                        + "' AND kind = 'TICKET'"), "one record");

                resolveOnTheConsole(opened.id());

                Await.until(LONG, "the station shows the ticket resolved",
                        () -> tickets.recent().getFirst().status() == TicketStatus.RESOLVED, tickets::recent);
                Ticket shown = tickets.recent().getFirst();
                assertEquals(opened.id(), shown.id());
                assertEquals(ADMIN, shown.statusBy());
                DownlinkRecord sent = new DownlinkSender(E2E.district().database(), Stations.DISTRICT)
                        .history(st, 5).stream().filter(r -> r.kind() == DownlinkCommand.Kind.TICKETS)
                        .findFirst().orElseThrow();
                Await.until(LONG, "the TICKETS downlink acked", () -> ack(sent.commandId()) != null,
                        () -> "no ack yet");
                assertEquals(DownlinkAck.Outcome.APPLIED, ack(sent.commandId()));
                assertEquals(1, count(st), "still once");
            } finally {
                second.stop();
            }
        }
    }

    private static void resolveOnTheConsole(UUID ticket) throws Exception {
        new UserStore(E2E.district().database()).add(ADMIN, Role.ADMIN, new PasswordHasher(4).hash(PASSWORD));
        try (ConsoleServer console = ConsoleServer.start(ConsoleSettings.of("127.0.0.1", 0, Stations.DISTRICT),
                E2E.district().database(), Clock.systemUTC())) {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
            Path profile = Files.createTempDirectory(E2E.dir(), "chromium");
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--no-first-run", "--window-size=1366,768", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(
                    new File(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"))).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            try {
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
                driver.get(console.url() + "/login");
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(ADMIN);
                driver.findElement(By.id("password")).sendKeys(PASSWORD);
                driver.findElement(By.id("login-submit")).click();
                wait.until(d -> !d.getCurrentUrl().contains("/login"));
                driver.get(console.url() + "/tickets?lang=en");
                String row = "#ticket-" + ticket;
                assertEquals("new", wait.until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector(row + " .ticket-status"))).getText());
                assertTrue(driver.findElement(By.cssSelector(row)).getText().contains("二楼暖气不热"));
                driver.findElement(By.cssSelector(row + " button.resolve")).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket-changed")));
                driver.get(console.url() + "/tickets?show=all&lang=en");
                assertEquals("resolved", wait.until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector(row + " .ticket-status"))).getText());
            } finally {
                driver.quit();
            }
        }
    }

    private static long count(String station) {
        return E2E.district().number("SELECT count(*) FROM ticket WHERE station_id = '" + station + "'");
    }

    private static DownlinkAck.Outcome ack(UUID command) {
        try {
            return new DownlinkSender(E2E.district().database(), Stations.DISTRICT).find(command)
                    .map(DownlinkRecord::outcome).orElse(null);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
