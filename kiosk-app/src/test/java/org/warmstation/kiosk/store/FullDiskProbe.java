package org.warmstation.kiosk.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.warmstation.kiosk.domain.CheckInResult;
import org.warmstation.visitlog.domain.Visit;
import org.warmstation.kiosk.domain.VisitService;
import org.warmstation.visitlog.time.SystemStationClock;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.visitlog.testing.VisitLogFile;
import org.warmstation.visitlog.store.SqliteVisitStore;

/**
 * Child process of {@link FullDiskTest}, run with its data directory on a tiny file system:
 * writes a ballast file, records guest visits until the disk is full, then reports on stdout
 * ({@code key=value} lines) what the visit log holds, frees the ballast and records once more.
 *
 * <p>Arguments: the data directory.
 */
public final class FullDiskProbe {
    private FullDiskProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Path ballast = data.resolve("ballast");
        Files.write(ballast, new byte[512 * 1024]);
        List<Visit> welcomed = new ArrayList<>();
        try (SqliteVisitStore store = new SqliteVisitStore(data)) {
            VisitService service = new VisitService(store, () -> null, new SystemStationClock(), "full-disk",
                    ZoneId.of("Asia/Shanghai"));
            CheckInResult last = null;
            for (int i = 0; i < 100_000; i++) {
                last = service.checkInGuest(WorkerCategory.SANITATION);
                if (!(last instanceof CheckInResult.Welcome w)) {
                    break;
                }
                welcomed.add(w.visit());
            }
            System.out.println("welcomed=" + welcomed.size());
            System.out.println("last=" + (last instanceof CheckInResult.Failed f ? "Failed: " + f.message() : last));
            List<Visit> stored = store.between(java.time.Instant.EPOCH, java.time.Instant.parse("3000-01-01T00:00:00Z"));
            System.out.println("storedEqualsWelcomed=" + stored.equals(welcomed));
            Files.delete(ballast);
            CheckInResult after = service.checkInGuest(WorkerCategory.SANITATION);
            System.out.println("afterFreeing=" + (after instanceof CheckInResult.Welcome w
                    ? "Welcome seq=" + w.visit().sequence() : after));
        }
        try (VisitLogFile f = new VisitLogFile(data)) {
            System.out.println("integrity=" + f.text("PRAGMA integrity_check"));
            System.out.println("visits=" + f.number("SELECT count(*) FROM visit"));
            System.out.println("maxSeq=" + f.number("SELECT max(seq) FROM visit"));
            System.out.println("outboxRows=" + f.number("SELECT count(*) FROM outbox"));
        }
    }
}
