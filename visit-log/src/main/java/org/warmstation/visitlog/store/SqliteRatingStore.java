package org.warmstation.visitlog.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.protocol.rating.RatingAnswer;
import org.warmstation.protocol.rating.RatingReason;
import org.warmstation.protocol.wire.RecordKind;
import org.warmstation.protocol.wire.RecordTypes;
import org.warmstation.protocol.wire.WireRating;
import org.warmstation.protocol.wire.WireRecord;
import org.warmstation.visitlog.domain.RatingStore;
import org.warmstation.visitlog.domain.VisitStore.StoreException;
import org.warmstation.visitlog.sqlite.RecordRows;
import org.warmstation.visitlog.sqlite.RecordWriter;
import org.warmstation.visitlog.sqlite.SqliteErrors;
import org.warmstation.visitlog.sqlite.SqliteTransaction;

/**
 * The station's satisfaction ratings in table {@code rating} of the visit log (Flyway V5), on a
 * connection of its own. Each rating is one {@code BEGIN IMMEDIATE} transaction that checks the
 * visit is the station's last, then writes the row and its {@code RATING} record (a new record,
 * or the next revision of the visit's record when the rating changes).
 *
 * <p>Thread-safe: calls are serialised. Blocks on storage; never call on the UI thread.
 */
public final class SqliteRatingStore implements RatingStore {
    private static final Logger log = LoggerFactory.getLogger(SqliteRatingStore.class);

    private final RecordWriter records;

    /**
     * Opens (creating and migrating if needed) the visit log of a data directory.
     *
     * @param dataDirectory the station's data directory
     * @param clock         the station's wall clock
     * @param types         record body types ({@link RecordTypes#standard()} in the product)
     * @throws StoreException when the database cannot be opened or migrated
     */
    public SqliteRatingStore(Path dataDirectory, InstantSource clock, RecordTypes types) {
        this.records = new RecordWriter(dataDirectory, "the rating store", clock, types);
    }

    @Override
    public synchronized WireRating rate(UUID visit, RatingAnswer answer, List<RatingReason> reasons) {
        Objects.requireNonNull(visit, "visit");
        Instant now = records.now();
        WireRating rating = new WireRating(visit, now, answer, reasons);
        var json = records.encode(rating);
        SqliteTransaction.immediate(records.connection(), "rating visit " + visit, c -> {
            String last = lastVisit(c);
            if (!visit.toString().equals(last)) {
                throw new NotLastVisitException(last == null || !known(c, visit)
                        ? "visit " + visit + " is not in the visit log"
                        : "visit " + visit + " is not the last one: a later visit was recorded");
            }
            String held = recordOf(c, visit).orElse(null);
            if (held != null) {
                WireRecord current = RecordRows.find(c, UUID.fromString(held)).orElseThrow(
                        () -> new IllegalStateException("rating record " + visit + " is missing"));
                RecordRows.revise(c, current.revised(json));
            } else {
                held = RecordWriter.appendNew(c, records.nextId(now), RecordKind.RATING, now, json).uuid().toString();
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO rating (visit_id, record_id, answer, reasons,"
                    + " rated_at_ms) VALUES (?, ?, ?, ?, ?) ON CONFLICT (visit_id) DO UPDATE SET answer = excluded.answer,"
                    + " reasons = excluded.reasons, rated_at_ms = excluded.rated_at_ms")) {
                st.setString(1, visit.toString());
                st.setString(2, held);
                st.setString(3, answer.name());
                st.setString(4, rating.reasons().stream().map(Enum::name).collect(Collectors.joining(",")));
                st.setLong(5, now.toEpochMilli());
                st.executeUpdate();
            }
            return null;
        });
        log.info("visit {} rated {} {}", visit, answer, rating.reasons());
        return rating;
    }

    @Override
    public synchronized Optional<WireRating> ratingOf(UUID visit) {
        try (PreparedStatement st = records.connection().prepareStatement("SELECT answer, reasons, rated_at_ms FROM rating WHERE visit_id = ?")) {
            st.setString(1, visit.toString());
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String reasons = rs.getString(2);
                return Optional.of(new WireRating(visit, Instant.ofEpochMilli(rs.getLong(3)),
                        RatingAnswer.valueOf(rs.getString(1)), reasons.isEmpty() ? List.of()
                        : Arrays.stream(reasons.split(",")).map(RatingReason::valueOf).toList()));
            }
        } catch (SQLException e) {
            throw SqliteErrors.failure("reading the rating of visit " + visit, e);
        }
    }

    private static String lastVisit(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT id FROM visit ORDER BY seq DESC LIMIT 1");
             ResultSet rs = st.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static boolean known(Connection c, UUID visit) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM visit WHERE id = ?")) {
            st.setString(1, visit.toString());
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Optional<String> recordOf(Connection c, UUID visit) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT record_id FROM rating WHERE visit_id = ?")) {
            st.setString(1, visit.toString());
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    @Override
    public synchronized void close() {
        records.close();
    }
}
