package org.warmstation.kiosk.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.warmstation.kiosk.domain.CardFixture;
import org.warmstation.kiosk.domain.CheckInResult;
import org.warmstation.kiosk.domain.VisitService;
import org.warmstation.visitlog.time.SystemStationClock;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.visitlog.store.SqliteVisitStore;
import org.warmstation.visitlog.store.VisitLogDatabase;

/**
 * Prints how many visits per second the visit log commits with {@code synchronous=FULL} on the
 * file system of a directory (not a test: figures depend on the machine and its storage).
 *
 * <p>Arguments: [directory to create the database in (default: a new temp folder)] [visits, default 2000]
 */
public final class VisitLogBenchmark {
    private VisitLogBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Files.createTempDirectory(Path.of(args[0]), "visit-bench")
                : Files.createTempDirectory("visit-bench");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        CardFixture cards = new CardFixture();
        List<String> tokens = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            tokens.add(cards.token(i, i, WorkerCategory.COURIER));
        }
        try (SqliteVisitStore store = new SqliteVisitStore(dir)) {
            VisitService service = new VisitService(store, cards::verifier, new SystemStationClock(), "bench",
                    ZoneId.of("Asia/Shanghai"));
            for (int i = 0; i < 50; i++) { // warm-up
                service.checkInGuest(WorkerCategory.OTHER);
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                require(service.checkInGuest(WorkerCategory.OTHER));
            }
            long t1 = System.nanoTime();
            for (String token : tokens) {
                require(service.checkIn(token));
            }
            long t2 = System.nanoTime();
            System.out.printf("visit log on %s (%s)%n", dir, Files.getFileStore(dir).type());
            report("guest check-ins (record only)", n, t1 - t0);
            report("card check-ins (verify Ed25519 + duplicate lookup + record)", n, t2 - t1);
            System.out.printf("database size: %d KiB for %d visits%n",
                    Files.size(VisitLogDatabase.file(dir)) / 1024, 2 * n + 50);
        }
    }

    private static void require(CheckInResult r) {
        if (!(r instanceof CheckInResult.Welcome)) {
            throw new IllegalStateException("not recorded: " + r);
        }
    }

    private static void report(String what, int n, long nanos) {
        Duration d = Duration.ofNanos(nanos);
        System.out.printf("%-60s %6d in %5d ms: %7.0f visits/s, %.2f ms each%n", what, n, d.toMillis(),
                n / (nanos / 1e9), nanos / 1e6 / n);
    }
}
