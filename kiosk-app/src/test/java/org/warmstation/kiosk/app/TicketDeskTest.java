package org.warmstation.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.devices.PeripheralRole;
import org.warmstation.devices.PeripheralStatus.Health;
import org.warmstation.devices.peripherals.PeripheralStates;
import org.warmstation.devices.scan.ScannerStatus;
import org.warmstation.protocol.ticket.TicketSource;
import org.warmstation.visitlog.domain.ManualStationClock;
import org.warmstation.visitlog.domain.Ticket;
import org.warmstation.visitlog.store.SqliteTicketStore;

/** The kiosk's fault watch on real peripheral states and scanner reports, over the real ticket store. */
class TicketDeskTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void aBuzzerFailingOverAndOverAndACameraRestartingTwiceOpenOneTicketEach() throws Exception {
        ManualStationClock clock = new ManualStationClock(Instant.parse("2026-12-06T06:00:00Z"));
        PeripheralStates states = new PeripheralStates(EnumSet.of(PeripheralRole.BUZZER, PeripheralRole.AMBIENT),
                Clock.fixed(clock.now(), ZoneId.of("Asia/Shanghai")));
        try (TicketDesk desk = new TicketDesk(dir, clock, states)) {
            for (int i = 0; i < 5; i++) { // each retry reports its own error text
                states.status(PeripheralRole.BUZZER, Health.FAILING, "GPIO 18: write failed (" + i + ")");
                clock.advance(Duration.ofMinutes(1));
            }
            desk.scannerStatus(new ScannerStatus(ScannerStatus.State.RESTARTING, "no frames"));
            desk.scannerStatus(new ScannerStatus(ScannerStatus.State.RESTARTING, "no frames"));
            desk.scannerStatus(new ScannerStatus(ScannerStatus.State.RUNNING, ""));
            await("two terminal tickets", () -> terminal(desk.service().recent()).size() == 2);
        } // closing waits for every report queued on the watch thread
        try (SqliteTicketStore store = new SqliteTicketStore(dir)) {
            assertEquals(List.of("BUZZER", "CAMERA"),
                    terminal(store.recent()).stream().map(Ticket::device).sorted().toList(), "one ticket each, no more");
        }
    }

    private static List<Ticket> terminal(List<Ticket> tickets) {
        return tickets.stream().filter(t -> t.source() == TicketSource.TERMINAL).toList();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + PATIENCE + ": " + what);
            }
            Thread.sleep(50);
        }
    }
}
