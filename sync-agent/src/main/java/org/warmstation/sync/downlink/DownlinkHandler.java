package org.warmstation.sync.downlink;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.visitlog.outbox.Outbox;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.wire.Downlink;
import org.warmstation.protocol.wire.DownlinkAck;
import org.warmstation.protocol.wire.DownlinkCommand;
import org.warmstation.protocol.wire.InvalidCommandException;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.protocol.wire.WireFormatException;
import org.warmstation.sync.DownlinkApplier;
import org.warmstation.sync.SyncState;

/**
 * Checks and applies downlinks ({@code docs/mqtt.md}, "Downlink"): size limit, schema, Ed25519
 * signature by a trust-list key of the station's own district, addressing, staleness; then applies
 * the command through the {@link DownlinkApplier} (or re-queues a range in the outbox) and answers
 * with a {@link DownlinkAck}. A command signed by the district and addressed here but invalid (an
 * opening span 25:00, an unknown service) is answered REFUSED with the reason and nothing of it is
 * applied; so is one issued more than {@link #MAX_AHEAD} ahead of the station's best time (its
 * clock bounded by the time floor), which would otherwise stand as the newest of its kind and
 * refuse every later, correctly dated one as stale; while the clock is not synced such a command
 * is held unanswered instead and decided by {@link #retryHeld()}. Anything malformed, unsigned,
 * forged, oversized or addressed elsewhere is logged and ignored, never thrown. Called on the
 * agent's thread; blocks while applying.
 */
public final class DownlinkHandler {
    private static final Logger log = LoggerFactory.getLogger(DownlinkHandler.class);
    private static final String APPLIED_KEY = "downlink.applied.";
    /** A command issued further ahead of the station's best time is refused (issue 13 item 3). */
    public static final Duration MAX_AHEAD = Duration.ofMinutes(10);
    private static final int MAX_HELD = 16;

    private final Topics topics;
    private final Supplier<TrustList> trust;
    private final DownlinkApplier applier;
    private final Outbox outbox;
    private final SyncState state;
    private final InstantSource clock;
    private final SettingsWatch settingsWatch;
    private final AtomicLong ignored = new AtomicLong();
    private final BooleanSupplier synced;
    private final HeldDownlinks held = new HeldDownlinks(MAX_HELD);

    /** Watches applied settings documents for their rollback (issue 15, decision 0211); called on the agent's thread. */
    public interface SettingsWatch {
        /** Watches nothing. */
        SettingsWatch NONE = new SettingsWatch() {
            @Override
            public Optional<DownlinkAck> answer(DownlinkCommand command, Instant now) {
                return Optional.empty();
            }

            @Override
            public void applied(DownlinkCommand command) {
                // nothing watched
            }
        };

        /**
         * @param command a verified settings command, before it is applied
         * @param now     the station time for the answer
         * @return the answer when it must not be applied (rolled back before: FAILED; a broker this
         *         station may not use: REFUSED), else empty
         */
        Optional<DownlinkAck> answer(DownlinkCommand command, Instant now);

        /** @param command a settings command just applied (not a duplicate) */
        void applied(DownlinkCommand command);
    }

    /**
     * @param topics  the station's district and station
     * @param trust   the station's current trust list (read at each downlink)
     * @param applier applies trust list, deny list and settings
     * @param outbox  the outbox, for {@code RESEND}
     * @param state   where the last applied command of each kind is remembered
     * @param clock   the station's best time (bounded clock), for the ack and the future check
     */
    public DownlinkHandler(Topics topics, Supplier<TrustList> trust, DownlinkApplier applier, Outbox outbox,
                           SyncState state, InstantSource clock) {
        this(topics, trust, applier, outbox, state, clock, () -> true);
    }

    /**
     * As above, on a station clock that may be unsynced: a command dated more than
     * {@link #MAX_AHEAD} ahead of the best time while the clock is not synced is held unanswered
     * ({@link #retryHeld()}) instead of refused.
     *
     * @param topics  the station's district and station
     * @param trust   the station's current trust list (read at each downlink)
     * @param applier applies trust list, deny list and settings
     * @param outbox  the outbox, for {@code RESEND}
     * @param state   where the last applied command of each kind is remembered
     * @param clock   the station's best time (bounded clock), for the ack and the future check
     * @param synced  whether the station clock is synced now (never blocks)
     */
    public DownlinkHandler(Topics topics, Supplier<TrustList> trust, DownlinkApplier applier, Outbox outbox,
                           SyncState state, InstantSource clock, BooleanSupplier synced) {
        this(topics, trust, applier, outbox, state, clock, synced, SettingsWatch.NONE);
    }

    /**
     * As the other constructors, with applied settings documents watched (issue 15, decision 0211).
     *
     * @param topics        the station's district and station
     * @param trust         the station's current trust list (read at each downlink)
     * @param applier       applies trust list, deny list and settings
     * @param outbox        the outbox, for {@code RESEND}
     * @param state         where the last applied command of each kind is remembered
     * @param clock         the station's best time (bounded clock), for the ack and the future check
     * @param synced        whether the station clock is synced now (never blocks)
     * @param settingsWatch told of each settings document applied, asked about re-sent ones
     */
    public DownlinkHandler(Topics topics, Supplier<TrustList> trust, DownlinkApplier applier, Outbox outbox,
                           SyncState state, InstantSource clock, BooleanSupplier synced, SettingsWatch settingsWatch) {
        this.synced = Objects.requireNonNull(synced, "synced");
        this.settingsWatch = Objects.requireNonNull(settingsWatch, "settingsWatch");
        this.topics = Objects.requireNonNull(topics, "topics");
        this.trust = Objects.requireNonNull(trust, "trust");
        this.applier = Objects.requireNonNull(applier, "applier");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.state = Objects.requireNonNull(state, "state");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param payload the raw downlink bytes, possibly hostile
     * @return the ack to publish, or empty when the message was ignored
     */
    public Optional<DownlinkAck> handle(byte[] payload) {
        DownlinkCommand cmd;
        try {
            if (payload != null && payload.length > Wire.MAX_DOWNLINK_BYTES) {
                throw new WireFormatException("downlink of " + payload.length + " bytes exceeds " + Wire.MAX_DOWNLINK_BYTES);
            }
            Downlink d = Wire.decode(payload, Downlink.class, Wire.MAX_DOWNLINK_BYTES);
            cmd = d.verify(trust.get(), topics.district(), topics.station());
        } catch (InvalidCommandException e) {
            log.warn("downlink {} {} refused, nothing applied: {}", e.kind(), e.commandId(), e.getMessage());
            return Optional.of(e.refusal(clock.instant()));
        } catch (WireFormatException e) {
            ignored.incrementAndGet();
            log.warn("downlink ignored: {}", e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            ignored.incrementAndGet();
            log.error("downlink ignored, unexpected error: {}", e.toString());
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (cmd.issuedAt().isAfter(now.plus(MAX_AHEAD))) {
            if (!synced.getAsBoolean()) {
                held.hold(cmd.id(), cmd.issuedAt(), payload);
                log.info("downlink {} {} held unanswered: issued at {}, ahead of the unsynced station time {};"
                        + " decided once the clock is synced or a district time raised it", cmd.kind(), cmd.id(),
                        cmd.issuedAt(), now);
                return Optional.empty();
            }
            // applied, it would be "the last of its kind" and refuse every correctly dated one as stale
            log.warn("downlink {} {} refused, nothing applied: issued at {}, more than {} min ahead of the station's"
                    + " best time {}", cmd.kind(), cmd.id(), cmd.issuedAt(), MAX_AHEAD.toMinutes(), now);
            return Optional.of(DownlinkAck.of(cmd, DownlinkAck.Outcome.REFUSED, "dated in the future: issued "
                    + cmd.issuedAt() + ", more than " + MAX_AHEAD.toMinutes() + " min ahead of the station time " + now, now));
        }
        String key = APPLIED_KEY + cmd.kind();
        try {
            Optional<DownlinkAck> early = cmd.kind() == DownlinkCommand.Kind.SETTINGS
                    ? settingsWatch.answer(cmd, now) : Optional.empty();
            if (early.isPresent()) {
                log.warn("downlink {} {} {}, nothing applied: {}", cmd.kind(), cmd.id(), early.get().outcome(),
                        early.get().message());
                return early;
            }
            Optional<String> last = state.get(key);
            if (last.isPresent() && isSameCommand(cmd, last.get())) {
                // a QoS 1 duplicate or the district's re-send on our birth: answer as before, change nothing
                log.info("downlink {} {} already applied", cmd.kind(), cmd.id());
                return Optional.of(DownlinkAck.of(cmd, DownlinkAck.Outcome.APPLIED, "already applied", now));
            }
            if (last.isPresent() && isStale(cmd, last.get())) {
                log.warn("downlink {} {} refused: not newer than the last applied ({})", cmd.kind(), cmd.id(), last.get());
                return Optional.of(DownlinkAck.of(cmd, DownlinkAck.Outcome.REFUSED, "stale: last applied " + last.get(), now));
            }
            String detail = apply(cmd);
            state.put(key, cmd.issuedAt() + " " + cmd.id());
            if (cmd.kind() == DownlinkCommand.Kind.SETTINGS) {
                settingsWatch.applied(cmd);
            }
            log.info("downlink {} {} applied{}", cmd.kind(), cmd.id(), detail == null ? "" : ": " + detail);
            return Optional.of(DownlinkAck.of(cmd, DownlinkAck.Outcome.APPLIED, detail, now));
        } catch (Exception e) {
            log.error("downlink {} {} could not be applied: {}", cmd.kind(), cmd.id(), e.toString());
            return Optional.of(DownlinkAck.of(cmd, DownlinkAck.Outcome.FAILED, e.toString(), now));
        }
    }

    private static boolean isStale(DownlinkCommand cmd, String last) {
        String[] f = last.split(" ", 2);
        return cmd.issuedAt().isBefore(Instant.parse(f[0]));
    }

    private static boolean isSameCommand(DownlinkCommand cmd, String last) {
        String[] f = last.split(" ", 2);
        return f.length > 1 && f[1].equals(cmd.id().toString());
    }

    private String apply(DownlinkCommand cmd) throws Exception {
        switch (cmd.kind()) {
            case TRUST_LIST -> applier.applyTrustList(cmd.parsedTrustList());
            case DENY_LIST -> applier.applyDenyList(cmd.parsedDenyList());
            case SETTINGS -> applier.applySettings(cmd.settings());
            case LOANS -> {
                return applier.applyLoans(cmd.loans());
            }
            case NEIGHBOURS -> {
                applier.applyNeighbours(cmd.neighbours());
                return cmd.neighbours().stations().size() + " neighbours";
            }
            case TICKETS -> {
                applier.applyTickets(cmd.tickets());
                return cmd.tickets().tickets().size() + " tickets";
            }
            case UPDATE -> {
                return applier.applyUpdate(cmd.update());
            }
            case RESEND -> {
                int n = outbox.requeue(cmd.resend().fromSeq(), cmd.resend().toSeq());
                return "re-queued " + n + " visits of " + cmd.resend().fromSeq() + ".." + cmd.resend().toSeq();
            }
        }
        return null;
    }

    /**
     * Decides the held commands that are due: those no longer dated more than {@link #MAX_AHEAD}
     * ahead of the best time (a district ack raised it), or all once the clock is synced (then a
     * command still ahead is refused). Called on the agent's thread; blocks while applying.
     *
     * @return the answers to publish, in the order held
     */
    public List<DownlinkAck> retryHeld() {
        if (held.size() == 0) {
            return List.of();
        }
        List<DownlinkAck> answers = new ArrayList<>();
        for (byte[] payload : held.due(clock.instant().plus(MAX_AHEAD), synced.getAsBoolean())) {
            handle(payload).ifPresent(answers::add);
        }
        return answers;
    }

    /** @return verified commands held unanswered until the station knows the time */
    public int held() {
        return held.size();
    }

    /** @return downlinks ignored so far (malformed, unsigned, forged, oversized, misaddressed) */
    public long ignored() {
        return ignored.get();
    }
}
