package org.warmstation.visitlog.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.warmstation.protocol.card.MemberCard.MemberId;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.protocol.wire.WireVisit;
import org.warmstation.visitlog.domain.Service;
import org.warmstation.visitlog.domain.Visit;
import org.warmstation.visitlog.domain.VisitSource;
import org.warmstation.visitlog.outbox.SqliteOutbox;
import org.warmstation.visitlog.time.BootId;
import org.warmstation.visitlog.time.ClockSync;

/**
 * The visit log of a terminal running the code of main on 2026-12-06 (commit {@code 377d56e},
 * visit-log schema V1, V2, V100): the scenario it holds, and the program that wrote it into
 * {@value #RESOURCE} with that code's public API ({@link SqliteVisitStore}, {@link SqliteOutbox}).
 *
 * <p>Eight visits of station {@value #STATION} over three boots, all written through the store:
 * <ul>
 *   <li>seq 1 card, confirmed; seq 3 guest, confirmed;</li>
 *   <li>seq 2 card, services revised after its first revision was confirmed: revision 2, CREATED;</li>
 *   <li>seq 4 guest without services, PUBLISHED (no ack yet);</li>
 *   <li>seq 5 card, services revised, then confirmed at revision 2;</li>
 *   <li>seq 6 card recorded before the clock was synced, corrected from its time since boot
 *       (revision 2, raw reading kept), PUBLISHED;</li>
 *   <li>seq 7 guest recorded unsynced in a boot that never synced: still flagged, CREATED;</li>
 *   <li>seq 8 card of the same member as seq 1 on the next day, CREATED.</li>
 * </ul>
 *
 * <p>Run {@link #main} (see {@code fixtures/README.md}) to write the file again; it is only
 * meaningful with the code of that commit, later code writes later schemas.
 */
public final class MainVisitLogFixture {
    /** Class-path name of the committed fixture. */
    public static final String RESOURCE = "/fixtures/visit-log-main-2026-12-06.db";
    /** The station of every visit. */
    public static final String STATION = "CY-0042";
    /** The station's zone. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The boot of seq 1 to 6; its clock synced at {@link #SYNC_A}. */
    public static final BootId BOOT_A = new BootId("5b1f0c1e-2a3b-4c5d-8e6f-700000000001");
    /** The boot of seq 7, never synced. */
    public static final BootId BOOT_B = new BootId("5b1f0c1e-2a3b-4c5d-8e6f-700000000002");
    /** The boot of seq 8. */
    public static final BootId BOOT_C = new BootId("5b1f0c1e-2a3b-4c5d-8e6f-700000000003");
    /** Boot A booted at 2026-12-04T23:00Z and synced five hours later. */
    public static final ClockSync SYNC_A = new ClockSync(BOOT_A, Instant.parse("2026-12-05T04:00:00Z"),
            Duration.ofHours(5));

    private static final Instant BOOTED_A = SYNC_A.bootedAt();
    private static final MemberId COURIER = MemberId.ofHex("a1b2c3d4e5f60718");
    private static final MemberId DELIVERY = MemberId.ofHex("0f1e2d3c4b5a6978");
    private static final MemberId GUARD = MemberId.ofHex("c0ffee0011223344");
    private static final MemberId TAXI = MemberId.ofHex("d4d4d4d4e5e5e5e5");

    /**
     * One visit as the fixture holds it.
     *
     * @param visit          the visit with its final services and (corrected) time
     * @param revision       its revision
     * @param outboxState    CREATED, PUBLISHED or CONFIRMED
     * @param bootId         the boot it was recorded in
     * @param clockCorrected whether its time was corrected from its time since boot
     * @param rawRecordedAt  the unsynced reading kept for a corrected visit, else null
     */
    public record Expected(Visit visit, int revision, String outboxState, BootId bootId, boolean clockCorrected,
                           Instant rawRecordedAt) {
    }

    /** The eight visits of the fixture, in seq order. */
    public static final List<Expected> VISITS = List.of(
            new Expected(visit(1, "2026-12-05T00:15:00Z", COURIER, 1001, WorkerCategory.COURIER,
                    Set.of(Service.HOT_WATER), true, Duration.ofMinutes(75)), 1, "CONFIRMED", BOOT_A, false, null),
            new Expected(visit(2, "2026-12-05T00:40:00Z", DELIVERY, 1002, WorkerCategory.FOOD_DELIVERY,
                    Set.of(Service.HOT_WATER, Service.HEAT_MEAL, Service.REST), true, Duration.ofMinutes(100)),
                    2, "CREATED", BOOT_A, false, null),
            new Expected(visit(3, "2026-12-05T01:05:00Z", null, 0, WorkerCategory.SANITATION,
                    Set.of(Service.TOILET), true, Duration.ofMinutes(125)), 1, "CONFIRMED", BOOT_A, false, null),
            new Expected(visit(4, "2026-12-05T02:30:00Z", null, 0, WorkerCategory.OTHER,
                    Set.of(), true, Duration.ofMinutes(210)), 1, "PUBLISHED", BOOT_A, false, null),
            new Expected(visit(5, "2026-12-05T03:10:00Z", GUARD, 1005, WorkerCategory.SECURITY_GUARD,
                    Set.of(Service.WARM_UP, Service.CHARGING), true, Duration.ofMinutes(250)),
                    2, "CONFIRMED", BOOT_A, false, null),
            new Expected(visit(6, "2026-12-05T03:50:00Z", TAXI, 1006, WorkerCategory.TAXI_RIDE_HAILING,
                    Set.of(Service.REST), true, Duration.ofMinutes(290)),
                    2, "PUBLISHED", BOOT_A, true, Instant.parse("2026-12-05T01:20:00Z")),
            new Expected(visit(7, "2026-12-05T02:00:00Z", null, 0, WorkerCategory.PARKING_ATTENDANT,
                    Set.of(Service.RAIN_GEAR), false, Duration.ofMinutes(3)), 1, "CREATED", BOOT_B, false, null),
            new Expected(visit(8, "2026-12-06T00:30:00Z", COURIER, 1001, WorkerCategory.COURIER,
                    Set.of(Service.RAIN_GEAR, Service.CHARGING), true, Duration.ofMinutes(20)),
                    1, "CREATED", BOOT_C, false, null));

    private MainVisitLogFixture() {
    }

    private static Visit visit(int seq, String at, MemberId member, long serial, WorkerCategory category,
                               Set<Service> services, boolean synced, Duration sinceBoot) {
        UUID id = UUID.fromString(String.format("01939a5e-7c00-7000-8000-%012d", seq));
        return new Visit(id, seq, STATION, Instant.parse(at), ZONE, member, serial, category, services,
                member == null ? VisitSource.GUEST : VisitSource.CARD, synced, sinceBoot);
    }

    private static Visit withServices(Visit v, Set<Service> services) {
        return new Visit(v.id(), v.sequence(), v.stationId(), v.recordedAt(), v.zone(), v.member(), v.cardSerial(),
                v.category(), services, v.source(), v.clockSynced(), v.sinceBoot());
    }

    private static Visit unsynced(Visit v, Instant rawReading) {
        return new Visit(v.id(), v.sequence(), v.stationId(), rawReading, v.zone(), v.member(), v.cardSerial(),
                v.category(), v.services(), v.source(), false, v.sinceBoot());
    }

    private static Visit v(int seq) {
        return VISITS.get(seq - 1).visit();
    }

    /**
     * Writes the scenario into a fresh data directory with this code's store and outbox, the
     * way a kiosk and its sync agent would have, and leaves a single checkpointed file.
     *
     * @param dataDirectory an empty or missing directory
     * @return the visit-log file written
     * @throws Exception when it cannot be written
     */
    public static Path write(Path dataDirectory) throws Exception {
        Instant[] now = {BOOTED_A};
        InstantSource clock = () -> now[0];
        try (SqliteVisitStore store = new SqliteVisitStore(dataDirectory, clock, BOOT_A);
             SqliteOutbox outbox = new SqliteOutbox(dataDirectory)) {
            now[0] = v(1).recordedAt();
            store.record(v(1));
            now[0] = v(2).recordedAt();
            store.record(withServices(v(2), Set.of(Service.HOT_WATER)));
            now[0] = v(3).recordedAt();
            store.record(v(3));
            publishAndConfirm(outbox, Instant.parse("2026-12-05T01:10:00Z"), 1, 2, 3);
            now[0] = Instant.parse("2026-12-05T01:30:00Z");
            store.updateServices(v(2).id(), v(2).services());
            now[0] = v(4).recordedAt();
            store.record(v(4));
            now[0] = v(5).recordedAt();
            store.record(withServices(v(5), Set.of(Service.WARM_UP)));
            now[0] = Instant.parse("2026-12-05T03:20:00Z");
            store.updateServices(v(5).id(), v(5).services());
            now[0] = v(6).recordedAt();
            store.record(unsynced(v(6), VISITS.get(5).rawRecordedAt()));
            now[0] = SYNC_A.wallClock();
            if (store.correctUnsyncedVisits(SYNC_A) != 1) {
                throw new IllegalStateException("seq 6 should have been corrected");
            }
            publishAndConfirm(outbox, Instant.parse("2026-12-05T04:05:00Z"), 5);
            publish(outbox, Instant.parse("2026-12-05T04:06:00Z"), 4, 6);
        }
        try (SqliteVisitStore store = new SqliteVisitStore(dataDirectory, () -> v(7).recordedAt(), BOOT_B)) {
            store.record(v(7));
        }
        try (SqliteVisitStore store = new SqliteVisitStore(dataDirectory, () -> v(8).recordedAt(), BOOT_C)) {
            store.record(v(8));
        }
        Path file = VisitLogDatabase.file(dataDirectory);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        return file;
    }

    private static List<WireVisit> publish(SqliteOutbox outbox, Instant at, long... seqs) {
        List<WireVisit> due = outbox.due(0, 100, at, Duration.ZERO).stream()
                .filter(w -> java.util.Arrays.stream(seqs).anyMatch(s -> s == w.seq())).toList();
        if (due.size() != seqs.length) {
            throw new IllegalStateException("not all of " + java.util.Arrays.toString(seqs) + " are due: " + due);
        }
        outbox.markPublished(due, at);
        return due;
    }

    private static void publishAndConfirm(SqliteOutbox outbox, Instant at, long... seqs) {
        List<WireVisit> sent = publish(outbox, at, seqs);
        outbox.confirm(sent, at.plusSeconds(2));
    }

    /**
     * Writes the fixture into {@code args[0]} (a file path; default
     * {@code src/test/resources/fixtures/visit-log-main-2026-12-06.db} of this module).
     *
     * @param args optional target file
     * @throws Exception when it cannot be written
     */
    public static void main(String[] args) throws Exception {
        Path target = Path.of(args.length > 0 ? args[0] : "src/test/resources" + RESOURCE);
        Path dir = Files.createTempDirectory("visit-log-fixture");
        Path file = write(dir);
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        System.out.println("wrote " + target.toAbsolutePath() + " (" + Files.size(target) + " bytes)");
    }
}
