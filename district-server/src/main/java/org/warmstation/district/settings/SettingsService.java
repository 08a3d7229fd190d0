package org.warmstation.district.settings;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.district.downlink.DownlinkRecord;
import org.warmstation.district.downlink.DownlinkSender;
import org.warmstation.protocol.wire.DownlinkCommand;
import org.warmstation.protocol.wire.StationSettings;

/**
 * Station settings from the district (decision 0125): numbers each station's documents, queues
 * each as a signed SETTINGS downlink through the {@link DownlinkSender} (the station applies all of
 * it or refuses all of it and answers; the answer is stored on the downlink row), keeps the
 * documents for the console and the neighbour lists, and refreshes the neighbour lists when
 * hours change. Thread-safe; every method blocks on the database.
 */
public final class SettingsService {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsService.class);

    private final DistrictDatabase db;
    private final int district;
    private final DownlinkSender sender;
    private final NeighbourLists neighbours;
    private final Clock clock;
    private final StationSettingsStore store = new StationSettingsStore();
    private final java.util.concurrent.atomic.AtomicReference<java.time.Instant> lastProfile =
            new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * @param db       the district database
     * @param district the district
     * @param clock    issue time of the commands
     */
    public SettingsService(DistrictDatabase db, int district, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.district = district;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sender = new DownlinkSender(db, district);
        this.neighbours = new NeighbourLists(district, sender);
    }

    /**
     * Sends a station a new settings document: the next version, queued in one transaction with
     * the stored document and the neighbour lists it changes.
     *
     * @param station  a station of the district
     * @param settings the checked document (its version is replaced by the next one)
     * @param by       who sends it (console user, {@code cli:NAME})
     * @return the stored status (state QUEUED)
     * @throws IllegalArgumentException when the station is unknown
     * @throws SQLException             when the database fails; nothing is queued then
     */
    public SettingsStatus send(String station, StationSettings settings, String by) throws SQLException {
        Instant now = clock.instant();
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                int version = store.nextVersion(c, district, station);
                StationSettings numbered = settings.withVersion(version); // every field kept (loans, supplies)
                DownlinkCommand cmd = DownlinkCommand.settings(district, station, now, numbered);
                sender.send(c, cmd, by);
                store.insert(c, district, station, numbered, cmd.id(), now, by);
                int lists = neighbours.refresh(c, now, by);
                c.commit();
                LOG.info("settings v{} for {} queued by {} (command {}, staff PIN {}); {} neighbour lists queued",
                        version, station, by, cmd.id(), settings.staffPin() == null ? "kept" : "reset", lists);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        return status(station).orElseThrow();
    }

    /**
     * @param station a station
     * @return its newest settings version with the station's answer, or empty when none was sent
     * @throws SQLException when the database fails
     */
    public Optional<SettingsStatus> status(String station) throws SQLException {
        Optional<StationSettingsStore.Stored> latest;
        try (Connection c = db.connection()) {
            latest = store.latest(c, district, station);
        }
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        StationSettingsStore.Stored s = latest.get();
        Optional<DownlinkRecord> r = sender.find(s.commandId());
        SettingsStatus.State state = r.map(SettingsService::state).orElse(SettingsStatus.State.QUEUED);
        return Optional.of(new SettingsStatus(s.version(), s.settings(), s.pinReset(), s.commandId(), s.issuedAt(),
                s.issuedBy(), state, r.map(DownlinkRecord::lastSentAt).orElse(null),
                r.map(DownlinkRecord::ackedAt).orElse(null), r.map(DownlinkRecord::message).orElse(null)));
    }

    /**
     * Queues the neighbour list of every real station whose list changed since it was last sent
     * (profile positions, names or hours changed).
     *
     * @param by who asks
     * @return how many lists were queued
     * @throws SQLException when the database fails; nothing is queued then
     */
    public int refreshNeighbours(String by) throws SQLException {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                int n = neighbours.refresh(c, clock.instant(), by);
                c.commit();
                return n;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * {@link #refreshNeighbours} when a station's profile (name, position, published hours) arrived
     * since the last call; the running district server calls it every few minutes, so a changed
     * profile reaches its neighbours' lists without anyone asking. The first call always refreshes.
     *
     * @return how many lists were queued (0 when no profile arrived since the last call)
     * @throws SQLException when the database fails
     */
    public int refreshNeighboursIfProfilesChanged() throws SQLException {
        java.time.Instant newest;
        try (Connection c = db.connection(); var ps = c.prepareStatement(
                "SELECT max(profile_at) FROM station WHERE district_id = ?")) {
            ps.setInt(1, district);
            try (var rs = ps.executeQuery()) {
                rs.next();
                java.sql.Timestamp t = rs.getTimestamp(1);
                newest = t == null ? java.time.Instant.EPOCH : t.toInstant();
            }
        }
        java.time.Instant before = lastProfile.getAndSet(newest);
        if (before != null && !newest.isAfter(before)) {
            return 0;
        }
        return refreshNeighbours("district-server");
    }

    private static SettingsStatus.State state(DownlinkRecord r) {
        if (r.outcome() != null) {
            return switch (r.outcome()) {
                case APPLIED -> SettingsStatus.State.APPLIED;
                case REFUSED -> SettingsStatus.State.REFUSED;
                case FAILED -> SettingsStatus.State.FAILED;
            };
        }
        return r.sendCount() > 0 ? SettingsStatus.State.SENT : SettingsStatus.State.QUEUED;
    }
}
