package org.warmstation.packaging;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.warmstation.kiosk.domain.CheckInResult;
import org.warmstation.kiosk.domain.VisitService;
import org.warmstation.visitlog.store.SqliteVisitStore;
import org.warmstation.visitlog.time.SystemStationClock;
import org.warmstation.protocol.card.WorkerCategory;

/**
 * Run inside the Debian root with the installed jars, as the kiosk user: records a guest visit in
 * the visit log of a data directory ({@code record DIR}) or counts its visits ({@code count DIR}),
 * printing {@code visits=N}. Exit 1 when a check-in fails.
 */
public final class VisitProbe {
    private VisitProbe() {
    }

    public static void main(String[] args) {
        Path dataDir = Path.of(args[1]);
        try (SqliteVisitStore store = new SqliteVisitStore(dataDir)) {
            if (args[0].equals("record")) {
                VisitService service = new VisitService(store, () -> null, new SystemStationClock(), "CY-0042",
                        ZoneId.of("Asia/Shanghai"));
                if (!(service.checkInGuest(WorkerCategory.COURIER) instanceof CheckInResult.Welcome)) {
                    System.out.println("check-in failed");
                    System.exit(1);
                }
            }
            System.out.println("visits=" + store.between(Instant.EPOCH, Instant.parse("3000-01-01T00:00:00Z")).size());
        }
    }
}
