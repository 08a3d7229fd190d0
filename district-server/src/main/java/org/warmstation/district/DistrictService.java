package org.warmstation.district;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.district.db.EpochStore;
import org.warmstation.district.db.StationStore;
import org.warmstation.district.db.VisitStore;
import org.warmstation.district.cards.HeldListStore;
import org.warmstation.district.cards.ListCatchUp;
import org.warmstation.district.downlink.DownlinkDispatcher;
import org.warmstation.district.downlink.DownlinkSender;
import org.warmstation.district.ledger.Finding;
import org.warmstation.district.ledger.LedgerStore;
import org.warmstation.district.ledger.Reconciler;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.wire.DaySummary;
import org.warmstation.protocol.wire.DownlinkAck;
import org.warmstation.protocol.wire.DownlinkCommand;
import org.warmstation.protocol.wire.SeqRange;
import org.warmstation.protocol.wire.StationStatus;
import org.warmstation.protocol.wire.Telemetry;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.VisitAck;
import org.warmstation.protocol.wire.VisitBatch;
import org.warmstation.protocol.wire.RecordAck;
import org.warmstation.protocol.wire.RecordBatch;
import org.warmstation.protocol.wire.RecordTypes;
import org.warmstation.district.records.RecordSinks;
import org.warmstation.district.records.RecordStore;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.protocol.wire.WireFormatException;

/**
 * What the district does with each message from its stations, independent of the MQTT client:
 * stores visit batches idempotently and answers with a {@link VisitAck} only after the commit,
 * likewise record batches of the other kinds ({@link RecordStore}, answered by a {@link RecordAck}),
 * records status and heartbeats, keeps day summaries, and reconciles them (sending a signed
 * RESEND downlink for a gap); sends queued downlinks, re-sends un-acked ones on a station's birth
 * and stores the stations' downlink acks ({@link DownlinkDispatcher}). A malformed message, one whose payload names another station than
 * its topic, or a database failure is logged and dropped: the station sends again when no ack
 * comes, so nothing is lost.
 *
 * <p>{@link #handle} is called from the MQTT callback thread; a call from any other thread (a test
 * or a command delivering a message) waits for the one in progress, because all calls share one
 * handler connection and its transactions. {@link #reconcile} is called from another thread,
 * {@link #dispatchDownlinks} from a third; each keeps its own database connection.
 */
public final class DistrictService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DistrictService.class);
    /** PostgreSQL advisory lock key held during a reconciliation pass ("wsrecon" in ASCII). */
    public static final long RECONCILE_LOCK = 0x77737265636f6eL;

    /** Where the service sends its messages (acks and downlinks); must not block for long. */
    @FunctionalInterface
    public interface Outbound {
        /**
         * @param topic   the topic
         * @param payload the payload
         */
        void publish(String topic, byte[] payload);
    }

    /**
     * Settings of the reconciliation.
     *
     * @param grace       how long after its receipt a day summary is first reconciled
     * @param resendEvery how long to wait before asking again for the same gap
     * @param districtKey the district's downlink key, which signs every downlink, or empty (then
     *                    gaps are listed, not resent, and queued downlinks are not sent)
     * @param retiredKeys downlink keys retired by a rotation, which co-sign trust lists until every
     *                    station holds the new key (decision 0220); empty outside a changeover
     */
    public record LedgerSettings(Duration grace, Duration resendEvery, Optional<DistrictKey> districtKey,
                                 java.util.List<DistrictKey> retiredKeys) {
        public LedgerSettings {
            Objects.requireNonNull(grace, "grace");
            Objects.requireNonNull(resendEvery, "resendEvery");
            Objects.requireNonNull(districtKey, "districtKey");
            retiredKeys = java.util.List.copyOf(retiredKeys);
        }

        /**
         * Without retired keys (no changeover).
         *
         * @param grace       how long after its receipt a day summary is first reconciled
         * @param resendEvery how long to wait before asking again for the same gap
         * @param districtKey the district's downlink key, or empty
         */
        public LedgerSettings(Duration grace, Duration resendEvery, Optional<DistrictKey> districtKey) {
            this(grace, resendEvery, districtKey, java.util.List.of());
        }
    }

    private final DistrictDatabase db;
    private final RecordStore records;
    private final int district;
    private final Outbound outbound;
    private final LedgerSettings ledger;
    private final Clock clock;
    private final VisitStore visits = new VisitStore();
    private final org.warmstation.district.db.VisitQuarantine quarantine = new org.warmstation.district.db.VisitQuarantine();
    private final StationStore stations = new StationStore();
    private final EpochStore epochs = new EpochStore();
    private final LedgerStore summaries = new LedgerStore();
    private final Reconciler reconciler = new Reconciler();
    private final HeldListStore heldLists = new HeldListStore();
    private final DownlinkSender sender;
    private final DownlinkDispatcher downlinks;
    private final ListCatchUp catchUp;
    private final org.warmstation.district.update.UpdateRollout updates;
    private volatile org.warmstation.district.enroll.EnrollmentDesk enrollment;
    /** Guards {@link #handlerConnection}: one {@link #handle} call at a time. */
    private final Object handlerLock = new Object();
    private Connection handlerConnection;
    private Connection dispatchConnection;

    /**
     * @param db       the database
     * @param district the district served; messages of other districts are dropped
     * @param outbound where acks and downlinks go
     * @param ledger   reconciliation settings
     * @param clock    the district clock
     */
    public DistrictService(DistrictDatabase db, int district, Outbound outbound, LedgerSettings ledger, Clock clock) {
        this(db, district, outbound, ledger, clock, new RecordStore(RecordTypes.standard(), RecordSinks.standard()));
    }

    /**
     * @param db       the database
     * @param district the district served; messages of other districts are dropped
     * @param outbound where acks and downlinks go
     * @param ledger   reconciliation settings
     * @param clock    the district clock
     * @param records  where records other than visits are stored (body types and projections)
     */
    public DistrictService(DistrictDatabase db, int district, Outbound outbound, LedgerSettings ledger, Clock clock,
                           RecordStore records) {
        this.records = Objects.requireNonNull(records, "records");
        this.db = Objects.requireNonNull(db, "db");
        this.district = district;
        this.outbound = Objects.requireNonNull(outbound, "outbound");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sender = new DownlinkSender(db, district);
        this.downlinks = new DownlinkDispatcher(district, ledger.districtKey(), ledger.retiredKeys(), outbound::publish, clock);
        this.catchUp = new ListCatchUp(district, sender);
        this.updates = new org.warmstation.district.update.UpdateRollout(db, district);
    }

    /**
     * Lets this service answer enrollment requests (decision 0181); without a desk they are ignored.
     *
     * @param desk the enrollment desk
     */
    public void enrollment(org.warmstation.district.enroll.EnrollmentDesk desk) {
        this.enrollment = Objects.requireNonNull(desk, "desk");
    }

    /**
     * Handles one received message; never throws. Blocks while the database works on it (at most
     * about the pool's connect plus statement timeouts), and while another thread's call is in
     * progress (calls are serialized: they share the handler connection).
     *
     * @param topic   the topic it arrived on
     * @param payload its payload
     * @return whether the message may be acknowledged to the broker: true when it is stored (or
     *         dropped for good: malformed, another station's); false when the database failed, so
     *         nothing of it is stored and the receiver must not acknowledge it
     */
    public boolean handle(String topic, byte[] payload) {
        synchronized (handlerLock) {
            return handleSerialized(topic, payload);
        }
    }

    private boolean handleSerialized(String topic, byte[] payload) {
        var desk = enrollment;
        if (desk != null && desk.handle(topic, payload)) {
            return true; // an enrollment account's request (decision 0181): a lost decision is asked again
        }
        Optional<Topics.Parsed> parsed = Topics.parse(topic);
        if (parsed.isEmpty() || parsed.get().topics().district() != district) {
            LOG.warn("ignored message on unexpected topic '{}'", topic);
            return true;
        }
        Topics where = parsed.get().topics();
        try {
            switch (parsed.get().kind()) {
                case VISITS -> onVisits(where, payload);
                case STATUS -> onStatus(where, Wire.decode(payload, StationStatus.class));
                case TELEMETRY -> onTelemetry(where, Wire.decode(payload, Telemetry.class));
                case LEDGER -> onLedger(where, Wire.decode(payload, DaySummary.class));
                case DOWNLINK_ACK -> onDownlinkAck(where, Wire.decode(payload, DownlinkAck.class));
                case RECORDS -> onRecords(where, Wire.decode(payload, RecordBatch.class));
                default -> LOG.debug("ignored {} message on {}", parsed.get().kind(), topic);
            }
        } catch (WireFormatException | MismatchException e) {
            LOG.warn("dropped message on {}: {}", topic, e.getMessage());
        } catch (SQLException | RuntimeException e) {
            LOG.error("could not process message on {} (not acknowledged; the station will send it again): {}",
                    topic, e.toString());
            closeHandlerConnection();
            return false;
        }
        return true;
    }

    /** @return whether the database answers now (blocks at most about the pool's connect timeout) */
    public boolean databaseHealthy() {
        return db.healthy();
    }

    private void onRecords(Topics where, RecordBatch batch) throws SQLException {
        same(where, batch.district(), batch.station());
        List<RecordAck.Stored> stored = records.store(connection(), batch);
        if (!stored.isEmpty()) { // committed: only now may the station confirm them
            outbound.publish(where.topic(Topics.Kind.RECORDS_ACK), Wire.encode(RecordAck.of(batch, stored, clock.instant())));
        }
        LOG.debug("{}: stored {} batch {} ({} of {} records held)", where, batch.kind(), batch.batchId(), stored.size(),
                batch.records().size());
    }

    private void onVisits(Topics where, byte[] payload) throws SQLException {
        VisitBatch batch;
        try {
            batch = Wire.decode(payload, VisitBatch.class);
        } catch (WireFormatException e) {
            Optional<VisitSalvage.Salvaged> salvaged = VisitSalvage.salvage(payload);
            if (salvaged.isEmpty()) {
                throw e;
            }
            onSalvaged(where, salvaged.get());
            return;
        }
        same(where, batch.district(), batch.station());
        VisitStore.Stored stored = visits.store(connection(), batch);
        if (stored.quarantined() > 0) {
            LOG.warn("{}: {} visit(s) of batch {} quarantined (refused by the database); the other {} stored. "
                    + "See `district-server quarantine`", where, stored.quarantined(), batch.batchId(),
                    batch.visits().size() - stored.quarantined());
        }
        VisitAck ack = VisitAck.of(batch, stored.highestContiguousSeq(), clock.instant());
        outbound.publish(where.topic(Topics.Kind.ACK), Wire.encode(ack));
        LOG.debug("{}: stored batch {} ({} new, {} known), contiguous {}", where, batch.batchId(),
                stored.changed(), stored.unchanged(), stored.highestContiguousSeq());
    }

    /** Stores the valid visits of a batch, quarantines the invalid ones, and acks both. */
    private void onSalvaged(Topics where, VisitSalvage.Salvaged s) throws SQLException {
        same(where, s.district(), s.station());
        Connection c = connection();
        long contiguous = 0;
        List<java.util.UUID> acked = new java.util.ArrayList<>();
        if (s.good().isPresent()) {
            contiguous = visits.store(c, s.good().get()).highestContiguousSeq();
            s.good().get().visits().forEach(v -> acked.add(v.uuid()));
        }
        quarantine.quarantine(c, s.district(), s.station(), s.epoch(), s.batchId(), s.rejected());
        for (var r : s.rejected()) {
            LOG.warn("{}: visit {} (seq {}) of batch {} quarantined: {}", where, r.uuid(), r.seq(), s.batchId(), r.reason());
            if (r.uuid() != null) {
                acked.add(r.uuid()); // held by the district, in quarantine: the station stops resending it
            }
        }
        outbound.publish(where.topic(Topics.Kind.ACK), Wire.encode(new VisitAck(VisitAck.SCHEMA, s.district(), s.station(),
                s.batchId(), contiguous, acked, clock.instant())));
    }

    private void onStatus(Topics where, StationStatus status) throws SQLException {
        same(where, status.district(), status.station());
        stations.recordStatus(connection(), status, clock.instant());
        LOG.info("{} is {} (version {})", where, status.state(), status.appVersion());
        heldLists.reported(connection(), status.district(), status.station(), status.lists());
        updates.reported(connection(), status.station(), status.update(), clock.instant());
        if (status.state() == StationStatus.State.ONLINE) {
            catchUp.queueIfBehind(connection(), status.station(), clock.instant());
            downlinks.onBirth(connection(), status.station());
        }
    }

    private void onTelemetry(Topics where, Telemetry t) throws SQLException {
        same(where, t.district(), t.station());
        stations.recordTelemetry(connection(), t, clock.instant());
        heldLists.reported(connection(), t.district(), t.station(), t.lists());
        updates.reported(connection(), t.station(), t.update(), clock.instant());
    }

    private void onLedger(Topics where, DaySummary s) throws SQLException {
        same(where, s.district(), s.station());
        Connection c = connection();
        stations.pinKey(c, s.district(), s.station(), s.stationKey()); // trust on first use, no epoch registered
        String pinned = epochs.summaryKey(c, s.district(), s.station(), EpochStore.of(s.epoch())).orElse(s.stationKey());
        boolean ok = pinned.equals(s.stationKey()) && s.signatureValid();
        summaries.save(c, s, ok);
        LOG.info("{}: day summary {} ({} visits, seq {}..{}), signature {}", where, s.date(), s.visitCount(),
                s.firstSeq(), s.lastSeq(), ok ? "valid" : "INVALID");
    }

    private void onDownlinkAck(Topics where, DownlinkAck a) throws SQLException {
        same(where, a.district(), a.station());
        LOG.info("{}: downlink {} {}{}", where, a.commandId(), a.outcome(), a.message() == null ? "" : ": " + a.message());
        Connection c = connection();
        var stored = downlinks.onAck(c, a);
        if (stored.isPresent()) {
            heldLists.acked(c, stored.get());
        }
    }

    /**
     * Signs and publishes the downlinks queued by the console, the command line or the
     * reconciliation ({@link DownlinkSender}); called every fraction of a second by the server.
     *
     * @return downlinks sent
     * @throws SQLException when the database fails; they stay queued then
     */
    public int dispatchDownlinks() throws SQLException {
        try {
            if (dispatchConnection == null || dispatchConnection.isClosed()) {
                dispatchConnection = db.connection();
            }
            return downlinks.dispatchQueued(dispatchConnection);
        } catch (SQLException e) {
            closeQuietly(dispatchConnection);
            dispatchConnection = null;
            throw e;
        }
    }

    /**
     * Queues the current deny and trust lists again for stations whose copy is older than
     * {@link ListCatchUp#REFRESH_AFTER}; called every few minutes by the server.
     *
     * @return lists queued
     * @throws SQLException when the database fails
     */
    public int refreshLists() throws SQLException {
        try (Connection c = db.connection()) {
            return catchUp.refresh(c, clock.instant());
        }
    }

    /** @return how this district queues downlinks (for the console and the command line) */
    public DownlinkSender sender() {
        return sender;
    }

    private static void same(Topics where, int district, String station) {
        if (where.district() != district || !where.station().equals(station)) {
            throw new MismatchException("payload names " + district + "/" + station + " but arrived on " + where);
        }
    }

    /**
     * Reconciles every day summary that is due, records the findings, and requests a resend (a
     * signed RESEND downlink) for each gap not requested within the resend interval. Instances
     * sharing the database take turns (a PostgreSQL advisory lock): while another one reconciles,
     * this returns the open findings at once.
     *
     * @return the findings still open after this pass
     * @throws SQLException when the database fails
     */
    public List<LedgerStore.OpenFinding> reconcile() throws SQLException {
        Instant now = clock.instant();
        try (Connection c = db.connection()) {
            // one instance at a time: several share the database (and would send the same resend twice)
            if (!advisoryLock(c, "SELECT pg_try_advisory_lock(?)")) {
                LOG.debug("another instance is reconciling");
                return summaries.allOpen(c);
            }
            try {
                return reconcileLocked(c, now);
            } finally {
                advisoryLock(c, "SELECT pg_advisory_unlock(?)");
            }
        }
    }

    private static boolean advisoryLock(Connection c, String sql) throws SQLException {
        try (var ps = c.prepareStatement(sql)) {
            ps.setLong(1, RECONCILE_LOCK);
            try (var rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private List<LedgerStore.OpenFinding> reconcileLocked(Connection c, Instant now) throws SQLException {
        for (DaySummary s : summaries.due(c, ledger.grace(), now)) {
            String pinned = epochs.summaryKey(c, s.district(), s.station(), EpochStore.of(s.epoch())).orElse(null);
            List<Finding> found = reconciler.reconcile(c, s, pinned, summaries.previousChain(c, s));
            int added = summaries.record(c, s, found);
            found.stream().filter(f -> f.kind() == Finding.Kind.GAP).mapToLong(Finding::firstSeq).min()
                    .ifPresent(first -> lowerContiguous(c, s, first - 1));
            if (added > 0) {
                LOG.warn("{}/{} {}: {}", s.district(), s.station(), s.date(),
                        found.stream().map(Finding::detail).toList());
            }
        }
        List<LedgerStore.OpenFinding> open = summaries.allOpen(c);
        for (LedgerStore.OpenFinding o : open) {
            if (o.finding().kind() == Finding.Kind.GAP && currentEpoch(c, o.finding())
                    && (o.resendSentAt() == null || o.resendSentAt().plus(ledger.resendEvery()).isBefore(now))) {
                requestResend(c, o, now);
            }
        }
        return summaries.allOpen(c);
    }

    /**
     * A RESEND names seqs of the station's log as it is now: a gap of an epoch the station has left
     * (its old log wiped or set aside) stays listed, never resent (decision 0195).
     */
    private boolean currentEpoch(Connection c, Finding f) throws SQLException {
        return epochs.current(c, f.district(), f.station()).map(f.epoch()::equals).orElse(false);
    }

    private void lowerContiguous(Connection c, DaySummary s, long seq) {
        try {
            epochs.lower(c, s.district(), s.station(), EpochStore.of(s.epoch()), seq);
        } catch (SQLException e) {
            LOG.warn("could not lower the contiguous seq of {}: {}", s.station(), e.toString());
        }
    }

    private void requestResend(Connection c, LedgerStore.OpenFinding o, Instant now) throws SQLException {
        Finding f = o.finding();
        if (ledger.districtKey().isEmpty()) {
            LOG.warn("{}/{}: gap {}..{} listed; no district key configured, so no resend is requested",
                    f.district(), f.station(), f.firstSeq(), f.lastSeq());
            return;
        }
        DownlinkCommand cmd = DownlinkCommand.resend(f.district(), f.station(), now,
                new SeqRange(f.firstSeq(), f.lastSeq()));
        sender.send(c, cmd, "reconciler");
        downlinks.dispatchQueued(c); // signed and published now, and again on the station's birth until acked
        summaries.resendSent(c, o.id(), now);
        LOG.info("{}/{}: requested resend of {}..{} (command {})", f.district(), f.station(), f.firstSeq(),
                f.lastSeq(), cmd.id());
    }

    private Connection connection() throws SQLException {
        if (handlerConnection == null || handlerConnection.isClosed()) {
            handlerConnection = db.connection();
        }
        return handlerConnection;
    }

    private void closeHandlerConnection() {
        closeQuietly(handlerConnection);
        handlerConnection = null;
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debug("closing a failed connection: {}", e.toString());
            }
        }
    }

    /** Closes the handler's and the dispatcher's connections (the database stays open). */
    @Override
    public void close() {
        synchronized (handlerLock) {
            closeHandlerConnection();
        }
        closeQuietly(dispatchConnection);
        dispatchConnection = null;
    }

    /** A payload that claims another station or district than its topic. */
    private static final class MismatchException extends RuntimeException {
        MismatchException(String message) {
            super(message);
        }
    }
}
