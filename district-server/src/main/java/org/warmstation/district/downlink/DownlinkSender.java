package org.warmstation.district.downlink;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.protocol.wire.DownlinkCommand;
import org.warmstation.protocol.wire.Wire;

/**
 * How anything at the district sends a station a command: the console, the command line, the
 * reconciliation. {@link #send} records the command in the {@code downlink} table (queued, not yet
 * signed) and returns; the running district server's {@link DownlinkDispatcher} signs it with the
 * district's downlink key within a fraction of a second, publishes it on the station's downlink
 * topic at QoS 1, re-publishes the newest un-acked command of each kind whenever the station's
 * birth message arrives, and stores the station's {@code DownlinkAck} on the row
 * ({@link #history}). So a command reaches a station that is offline now when it reconnects, and
 * a process without the key (the command line) can send too (decision 0120).
 *
 * <p>Thread-safe and stateless apart from its settings; every method blocks on the database.
 */
public final class DownlinkSender {
    /** Bytes of a signed envelope besides the Base64 payload: schema, key id, signature. */
    private static final int ENVELOPE_OVERHEAD = 256;

    private final DistrictDatabase db;
    private final int district;
    private final DownlinkStore store = new DownlinkStore();

    /**
     * @param db       the district database
     * @param district the district whose stations are addressed; commands of another district are refused
     */
    public DownlinkSender(DistrictDatabase db, int district) {
        this.db = Objects.requireNonNull(db, "db");
        this.district = district;
    }

    /**
     * Queues one command for its station (the station named in the command).
     *
     * @param command  the command, addressed to a station of this district
     * @param queuedBy who sends it, for the station page (e.g. the console user name), or null
     * @return the command id
     * @throws SQLException             when the database fails; nothing is queued then
     * @throws IllegalArgumentException when the command is of another district or too large to send
     */
    public UUID send(DownlinkCommand command, String queuedBy) throws SQLException {
        try (Connection c = db.connection()) {
            send(c, command, queuedBy);
        }
        return command.id();
    }

    /**
     * Queues one command inside the caller's transaction (it is sent after the caller commits).
     *
     * @param c        a connection of the district database
     * @param command  the command, addressed to a station of this district
     * @param queuedBy who sends it, or null
     * @throws SQLException             when the database fails
     * @throws IllegalArgumentException when the command is of another district or too large to send
     */
    public void send(Connection c, DownlinkCommand command, String queuedBy) throws SQLException {
        if (command.district() != district) {
            throw new IllegalArgumentException("a command of district " + command.district()
                    + " cannot be sent by district " + district);
        }
        queue(c, command, queuedBy);
    }

    /**
     * Queues one command inside the caller's transaction for the district and station it names,
     * where no sender is at hand (a record sink, which learns the district from the record's
     * station); otherwise as {@link #send(Connection, DownlinkCommand, String)}.
     *
     * @param c        a connection of the district database
     * @param command  the command
     * @param queuedBy who sends it, or null
     * @throws SQLException             when the database fails
     * @throws IllegalArgumentException when the command is too large to send
     */
    public static void queue(Connection c, DownlinkCommand command, String queuedBy) throws SQLException {
        int payload = Wire.encode(command).length;
        if ((payload + 2) / 3 * 4 + ENVELOPE_OVERHEAD > Wire.MAX_DOWNLINK_BYTES) {
            throw new IllegalArgumentException("a " + command.kind() + " command of " + payload
                    + " bytes does not fit a downlink (" + Wire.MAX_DOWNLINK_BYTES + " bytes)");
        }
        new DownlinkStore().insert(c, command, listVersion(command), queuedBy);
    }

    /**
     * Queues a command for every (real, not simulated) station of the district, online or not, in
     * one transaction: all are queued or none.
     *
     * @param commandFor makes the command for a station id (each command names its own station,
     *                   which its signature covers)
     * @param queuedBy   who sends it, or null
     * @return the ids of the commands, one per station
     * @throws SQLException             when the database fails; nothing is queued then
     * @throws IllegalArgumentException when a command is of another district or station
     */
    public List<UUID> sendToAll(Function<String, DownlinkCommand> commandFor, String queuedBy) throws SQLException {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                List<UUID> ids = sendToAll(c, commandFor, queuedBy);
                c.commit();
                return ids;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * As {@link #sendToAll(Function, String)} inside the caller's transaction.
     *
     * @param c          a connection of the district database
     * @param commandFor makes the command for a station id
     * @param queuedBy   who sends it, or null
     * @return the ids of the commands, one per station
     * @throws SQLException             when the database fails
     * @throws IllegalArgumentException when a command is of another district or station
     */
    public List<UUID> sendToAll(Connection c, Function<String, DownlinkCommand> commandFor, String queuedBy)
            throws SQLException {
        List<UUID> ids = new ArrayList<>();
        for (String station : stations(c)) {
            DownlinkCommand cmd = commandFor.apply(station);
            if (!cmd.station().equals(station)) {
                throw new IllegalArgumentException("command for " + station + " names " + cmd.station());
            }
            send(c, cmd, queuedBy);
            ids.add(cmd.id());
        }
        return ids;
    }

    /**
     * @param c a connection
     * @return every real (not simulated) station of the district the district knows, sorted by id
     * @throws SQLException when the database fails
     */
    public List<String> stations(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT station_id FROM station WHERE district_id = ? AND NOT simulated ORDER BY station_id")) {
            ps.setInt(1, district);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /**
     * @param station a station of the district
     * @param limit   at most this many, newest first
     * @return the commands sent to the station with their delivery and stored acks
     * @throws SQLException when the database fails
     */
    public List<DownlinkRecord> history(String station, int limit) throws SQLException {
        try (Connection c = db.connection()) {
            return store.history(c, district, station, limit);
        }
    }

    /**
     * @param commandId a command id
     * @return the command's row, or empty when the district never sent it
     * @throws SQLException when the database fails
     */
    public Optional<DownlinkRecord> find(UUID commandId) throws SQLException {
        try (Connection c = db.connection()) {
            return store.byId(c, commandId);
        }
    }

    private static Long listVersion(DownlinkCommand cmd) {
        return switch (cmd.kind()) {
            case DENY_LIST -> cmd.parsedDenyList().version();
            case TRUST_LIST -> cmd.parsedTrustList().version();
            default -> null;
        };
    }
}
