package org.warmstation.district.enroll;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.district.DistrictService;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.protocol.wire.EnrollReply;
import org.warmstation.protocol.wire.EnrollRequest;
import org.warmstation.protocol.wire.EnrollTopics;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.protocol.wire.WireFormatException;

/**
 * The district's side of the one-time enrollment handshake (decision 0181). For each
 * {@link EnrollRequest} on an enrollment account's request topic: the request must name the station
 * of the account that published it; the code must be registered for that station, unexpired and
 * unused (or used by this very terminal, whose reply was lost). Then, in one transaction, the use is
 * recorded (with the terminal's day-summary key and visit-log epoch), the station's broker password
 * is replaced by a new random one and the broker reloaded, and only after the commit the password
 * goes out in an {@link EnrollReply}. Anything else is refused, recorded in
 * {@code enrollment_refusal}, and answered with the reason.
 *
 * <p>Called on the MQTT callback thread, one message at a time; blocks on the database, the
 * password file and the broker reload (enrollments are rare).
 */
public final class EnrollmentDesk {
    private static final Logger LOG = LoggerFactory.getLogger(EnrollmentDesk.class);

    /**
     * Called inside the transaction that records an accepted enrollment, e.g. to register the
     * station's day-summary key and visit-log epoch (issue 13 item 5).
     */
    @FunctionalInterface
    public interface Listener {
        /** Does nothing. */
        Listener NONE = (c, r) -> { };
        /**
         * Registers the request's day-summary key and visit-log epoch for the station
         * ({@link org.warmstation.district.db.EpochStore#registerEnrollment}, decision 0195).
         */
        Listener REGISTER_KEY_AND_EPOCH = (c, r) -> new org.warmstation.district.db.EpochStore()
                .registerEnrollment(c, r.district(), r.station(), r.stationKey(), r.epochId(), java.time.Instant.now());

        /**
         * @param c the transaction's connection (commit is the desk's)
         * @param r the accepted request
         * @throws SQLException to roll the enrollment back (the terminal asks again)
         */
        void enrolled(Connection c, EnrollRequest r) throws SQLException;
    }

    private final DistrictDatabase db;
    private final int district;
    private final BrokerCredentials credentials;
    private final DistrictService.Outbound outbound;
    private final Clock clock;
    private final Listener listener;
    private final EnrollmentStore store = new EnrollmentStore();

    /**
     * @param db          the database
     * @param district    the district served
     * @param credentials the broker's password file and reload
     * @param outbound    where replies go
     * @param clock       the district clock
     * @param listener    called on each accepted enrollment
     */
    public EnrollmentDesk(DistrictDatabase db, int district, BrokerCredentials credentials,
                          DistrictService.Outbound outbound, Clock clock, Listener listener) {
        this.db = Objects.requireNonNull(db, "db");
        this.district = district;
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.outbound = Objects.requireNonNull(outbound, "outbound");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Handles a message on an enrollment request topic; never throws.
     *
     * @param topic   the topic
     * @param payload the payload
     * @return whether the topic was an enrollment request topic (handled or dropped here)
     */
    public boolean handle(String topic, byte[] payload) {
        Optional<String> account = EnrollTopics.requestingStation(topic);
        if (account.isEmpty()) {
            return false;
        }
        EnrollRequest r;
        try {
            r = Wire.decode(payload, EnrollRequest.class);
        } catch (WireFormatException e) {
            LOG.warn("dropped enrollment request on {}: {}", topic, e.getMessage());
            return true;
        }
        if (r.district() != district || !topic.equals(EnrollTopics.request(district, account.get()))) {
            LOG.warn("dropped enrollment request of district {} on {}", r.district(), topic);
            return true;
        }
        Instant now = clock.instant();
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                EnrollReply reply = decide(c, account.get(), r, now);
                c.commit();
                if (reply.outcome() == EnrollReply.Outcome.ACCEPTED) {
                    LOG.info("station {} enrolled with code {} (terminal {}); its broker password was replaced",
                            r.station(), r.codeId(), r.terminalId());
                } else {
                    LOG.warn("enrollment of {} with code {} by terminal {} refused: {}", r.station(), r.codeId(),
                            r.terminalId(), reply.reason());
                }
                outbound.publish(EnrollTopics.reply(district, account.get()), Wire.encode(reply));
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException | IOException | RuntimeException e) {
            LOG.error("enrollment request of {} not decided (the terminal asks again): {}", account.get(), e.toString());
        }
        return true;
    }

    /**
     * Removes the enrollment accounts whose codes have all expired from the broker's password file
     * (then the broker reloads): after its expiry a code's credential logs in nowhere. Blocks on the
     * database and the file; called every few minutes by the district server.
     *
     * @return how many accounts were removed
     * @throws SQLException when the database fails
     * @throws IOException  when the password file cannot be written or the broker not reloaded
     */
    public int sweepExpiredAccounts() throws SQLException, IOException {
        List<String> stations;
        try (Connection c = db.connection()) {
            stations = store.stationsWithOnlyExpiredCodes(c, district, clock.instant());
        }
        int removed = 0;
        for (String station : stations) {
            String account = EnrollTopics.account(station);
            if (credentials.file().contains(account)) {
                credentials.remove(account);
                LOG.info("enrollment account {} removed: its codes have expired", account);
                removed++;
            }
        }
        return removed;
    }

    private EnrollReply decide(Connection c, String account, EnrollRequest r, Instant now)
            throws SQLException, IOException {
        Optional<EnrollReply.Refusal> refusal = account.equals(r.station())
                ? store.decide(c, district, r, now) : Optional.of(EnrollReply.Refusal.WRONG_ACCOUNT);
        if (refusal.isPresent()) {
            store.refuse(c, district, r, refusal.get(), now);
            return EnrollReply.refused(r, refusal.get(), now);
        }
        listener.enrolled(c, r);
        String password = credentials.renew(r.station()); // in force before the commit and the reply
        return EnrollReply.accepted(r, password, now);
    }
}
