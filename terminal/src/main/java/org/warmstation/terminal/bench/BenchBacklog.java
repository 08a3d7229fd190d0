package org.warmstation.terminal.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.warmstation.protocol.card.MemberCard.MemberId;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.visitlog.domain.Service;
import org.warmstation.visitlog.domain.Visit;
import org.warmstation.visitlog.domain.VisitSource;
import org.warmstation.visitlog.store.SqliteVisitStore;

/**
 * Writes a synthetic backlog into a fresh visit log through the visit store (visit and outbox row
 * as a check-in writes them), 5,000 visits per transaction.
 */
final class BenchBacklog {
    private static final int PER_TRANSACTION = 5_000;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private BenchBacklog() {
    }

    /**
     * @param dataDirectory the station's data directory (a new one)
     * @param station       the station id
     * @param n             how many card visits
     * @throws org.warmstation.visitlog.domain.VisitStore.StoreException when the log cannot be written
     */
    static void fill(Path dataDirectory, String station, int n) {
        Instant now = Instant.now();
        try (SqliteVisitStore store = new SqliteVisitStore(dataDirectory)) {
            List<Visit> chunk = new ArrayList<>(PER_TRANSACTION);
            for (long i = 1; i <= n; i++) {
                chunk.add(new Visit(UUID.randomUUID(), 0, station, now, ZONE, MemberId.ofHex(String.format("%016x", i)), i,
                        WorkerCategory.COURIER, EnumSet.of(Service.HOT_WATER, Service.REST), VisitSource.CARD, true,
                        Duration.ofMillis(i)));
                if (chunk.size() == PER_TRANSACTION || i == n) {
                    store.recordAll(chunk);
                    chunk.clear();
                }
            }
        }
    }
}
