package org.warmstation.district.downlink;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.wire.Downlink;
import org.warmstation.protocol.wire.DownlinkAck;
import org.warmstation.protocol.wire.DownlinkCommand;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.Wire;

/**
 * The district server's side of {@link DownlinkSender}: signs queued commands with the district's
 * downlink key and publishes them (QoS 1) on each station's downlink topic, re-publishes the
 * newest un-acked command of each kind when a station's birth (ONLINE status) arrives, and stores
 * the stations' acks. Without a key, commands stay queued (logged once) until an instance with
 * the key runs.
 *
 * <p>During a downlink-key changeover (decision 0220) the instance also holds the <em>retired</em>
 * downlink keys: every {@code TRUST_LIST} command is then published once more signed by each
 * retired key, before the copy signed by the current key (same command id), at its first send and
 * at every re-send on a station's birth. A station that still trusts only the old key applies the
 * old-key copy and ignores the other; a station that already holds the new list does the reverse;
 * so a station offline past the switch catches up by itself. Other kinds are signed by the
 * current key only.
 *
 * <p>Several instances may share a database: queued rows are taken with {@code FOR UPDATE SKIP
 * LOCKED}, so each is signed and first published once; a birth reaches every instance (the
 * status topic is not shared), so a re-send may arrive twice, which the station answers as
 * already applied. Each method uses the connection it is given and blocks on the database; the
 * publish callback must not block (the receiver queues).
 */
public final class DownlinkDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(DownlinkDispatcher.class);
    private static final int BATCH = 200;

    private final int district;
    private final Optional<DistrictKey> key;
    private final List<DistrictKey> retired;
    private final BiConsumer<String, byte[]> publish;
    private final Clock clock;
    private final DownlinkStore store = new DownlinkStore();
    private volatile boolean warnedNoKey;

    /**
     * @param district the district served
     * @param key      the district's downlink signing key, or empty (then nothing is sent)
     * @param publish  publishes a payload on a topic (QoS 1) without blocking
     * @param clock    the district clock
     * @throws IllegalArgumentException when the key is of another district
     */
    public DownlinkDispatcher(int district, Optional<DistrictKey> key, BiConsumer<String, byte[]> publish, Clock clock) {
        this(district, key, List.of(), publish, clock);
    }

    /**
     * @param district the district served
     * @param key      the district's downlink signing key, or empty (then nothing is sent)
     * @param retired  downlink keys retired by a rotation that stations offline since may still
     *                 trust: they co-sign every trust list (decision 0220); empty outside a changeover
     * @param publish  publishes a payload on a topic (QoS 1) without blocking
     * @param clock    the district clock
     * @throws IllegalArgumentException when a key is of another district, or a retired key has the
     *                                  current key's id
     */
    public DownlinkDispatcher(int district, Optional<DistrictKey> key, List<DistrictKey> retired,
                              BiConsumer<String, byte[]> publish, Clock clock) {
        this.district = district;
        this.key = Objects.requireNonNull(key, "key");
        this.retired = List.copyOf(retired);
        for (DistrictKey r : this.retired) {
            if (r.districtId() != district) {
                throw new IllegalArgumentException("retired downlink key of district " + r.districtId() + ", not " + district);
            }
            if (key.isPresent() && key.get().keyId() == r.keyId()) {
                throw new IllegalArgumentException(String.format(
                        "retired downlink key %04x is the current key: pass the old key file", r.keyId()));
            }
        }
        this.publish = Objects.requireNonNull(publish, "publish");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (key.isPresent() && key.get().districtId() != district) {
            throw new IllegalArgumentException("downlink key of district " + key.get().districtId() + ", not " + district);
        }
    }

    /**
     * Signs and publishes every queued command of the district (in batches), committing each
     * batch before publishing it.
     *
     * @param c a connection of its own (its auto-commit is restored)
     * @return commands signed and published
     * @throws SQLException when the database fails; the batch stays queued then
     */
    public int dispatchQueued(Connection c) throws SQLException {
        if (key.isEmpty()) {
            if (!warnedNoKey && !store.lockQueued(c, district, 1).isEmpty()) {
                warnedNoKey = true;
                LOG.warn("downlinks are queued but this instance has no downlink key (--district-key): not sent");
            }
            return 0;
        }
        int total = 0;
        while (true) {
            List<Signed> batch = new ArrayList<>();
            c.setAutoCommit(false);
            try {
                Instant now = clock.instant();
                for (DownlinkStore.Row r : store.lockQueued(c, district, BATCH)) {
                    byte[] envelope = Wire.encode(Downlink.sign(r.command(), key.get()));
                    store.signed(c, r.id(), envelope, now);
                    batch.add(new Signed(r.command(), envelope));
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            for (Signed s : batch) {
                publishCosigned(s.command());
                publish.accept(topic(s.command()), s.envelope());
                LOG.info("{}/{}: sent {} {}", s.command().district(), s.command().station(), s.command().kind(),
                        s.command().id());
            }
            total += batch.size();
            if (batch.size() < BATCH) {
                return total;
            }
        }
    }

    /**
     * A station's birth: re-publishes the newest command of each kind that it has not acked.
     *
     * @param c       a connection (auto-commit)
     * @param station the station that came online
     * @return commands re-published
     * @throws SQLException when the database fails
     */
    public int onBirth(Connection c, String station) throws SQLException {
        List<DownlinkStore.Row> rows = store.latestUnacked(c, district, station);
        Instant now = clock.instant();
        for (DownlinkStore.Row r : rows) {
            store.resent(c, r.id(), now);
            publishCosigned(r.command());
            publish.accept(topic(r.command()), r.envelope());
            LOG.info("{}/{}: re-sent {} {} on its birth", district, station, r.command().kind(), r.command().id());
        }
        return rows.size();
    }

    /**
     * Stores a station's ack on its command.
     *
     * @param c   a connection (joins its transaction)
     * @param ack the ack, already checked to come from its station's topic
     * @return the command's row as now stored, or empty when the ack names a command the district
     *         did not send that station, or repeats an APPLIED one (nothing changed)
     * @throws SQLException when the database fails
     */
    public Optional<DownlinkRecord> onAck(Connection c, DownlinkAck ack) throws SQLException {
        Optional<DownlinkRecord> r = store.ack(c, ack);
        if (r.isEmpty()) {
            LOG.info("{}/{}: ack {} of command {} changes nothing (unknown, or already applied)", ack.district(),
                    ack.station(), ack.outcome(), ack.commandId());
        }
        return r;
    }

    /** A trust list once more per retired key, for stations that do not hold the current key yet. */
    private void publishCosigned(DownlinkCommand cmd) {
        if (cmd.kind() != DownlinkCommand.Kind.TRUST_LIST) {
            return;
        }
        for (DistrictKey old : retired) {
            publish.accept(topic(cmd), Wire.encode(Downlink.sign(cmd, old)));
            LOG.info("{}/{}: {} {} also signed by the retired downlink key {}", cmd.district(), cmd.station(),
                    cmd.kind(), cmd.id(), String.format("%04x", old.keyId()));
        }
    }

    private static String topic(DownlinkCommand cmd) {
        return new Topics(cmd.district(), cmd.station()).topic(Topics.Kind.DOWNLINK);
    }

    private record Signed(DownlinkCommand command, byte[] envelope) {
    }
}
