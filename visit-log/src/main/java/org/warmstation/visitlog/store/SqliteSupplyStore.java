package org.warmstation.visitlog.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.protocol.supply.SupplyMovement;
import org.warmstation.protocol.wire.RecordTypes;
import org.warmstation.protocol.wire.SupplyItem;
import org.warmstation.protocol.wire.SupplySettings;
import org.warmstation.protocol.wire.WireSupply;
import org.warmstation.visitlog.domain.Handout;
import org.warmstation.visitlog.domain.StockLevel;
import org.warmstation.visitlog.domain.SupplyStore;
import org.warmstation.visitlog.domain.VisitStore.StoreException;
import org.warmstation.visitlog.sqlite.RecordRows;
import org.warmstation.visitlog.sqlite.RecordWriter;
import org.warmstation.visitlog.sqlite.SqliteErrors;
import org.warmstation.visitlog.sqlite.SqliteTransaction;

/**
 * The station's supplies in tables {@code supply_stock} and {@code supply_movement} of the visit
 * log (Flyway V5), on a connection of its own. Each change is one {@code BEGIN IMMEDIATE}
 * transaction writing the stock, the movement and its {@code SUPPLY} record
 * ({@link RecordRows#append}) together; a handout's limit is counted inside the same transaction.
 *
 * <p>Thread-safe: calls are serialised. Blocks on storage; never call on the UI thread.
 */
public final class SqliteSupplyStore implements SupplyStore {
    private static final Logger log = LoggerFactory.getLogger(SqliteSupplyStore.class);

    private final RecordWriter records;

    /**
     * Opens (creating and migrating if needed) the visit log of a data directory.
     *
     * @param dataDirectory the station's data directory
     * @param clock         the station's wall clock (movement and queueing times)
     * @param types         record body types ({@link RecordTypes#standard()} in the product)
     * @throws StoreException when the database cannot be opened or migrated
     */
    public SqliteSupplyStore(Path dataDirectory, InstantSource clock, RecordTypes types) {
        this.records = new RecordWriter(dataDirectory, "the supply store", clock, types);
    }

    @Override
    public synchronized List<StockLevel> stock(SupplySettings settings) {
        try {
            List<StockLevel> out = new ArrayList<>();
            for (SupplyItem item : settings.items()) {
                out.add(new StockLevel(item, held(records.connection(), item.code())));
            }
            return out;
        } catch (SQLException e) {
            throw SqliteErrors.failure("reading the supply stock", e);
        }
    }

    @Override
    public synchronized WireSupply deliver(SupplyItem item, int quantity) {
        if (quantity < 1 || quantity > WireSupply.MAX_STOCK) {
            throw new IllegalArgumentException("a delivery is 1.." + WireSupply.MAX_STOCK + " units: " + quantity);
        }
        return SqliteTransaction.immediate(records.connection(), "booking a delivery of " + item.code(), c -> {
            int held = held(c, item.code());
            if ((long) held + quantity > WireSupply.MAX_STOCK) {
                throw new IllegalArgumentException("the stock of " + item.code() + " would pass " + WireSupply.MAX_STOCK);
            }
            return write(c, SupplyMovement.DELIVERY, item, quantity, held + quantity, null, null, false, null);
        });
    }

    @Override
    public synchronized WireSupply correct(SupplyItem item, int counted) {
        if (counted < 0 || counted > WireSupply.MAX_STOCK) {
            throw new IllegalArgumentException("a counted stock is 0.." + WireSupply.MAX_STOCK + ": " + counted);
        }
        return SqliteTransaction.immediate(records.connection(), "correcting the stock of " + item.code(), c -> {
            int held = held(c, item.code());
            return write(c, SupplyMovement.CORRECTION, item, counted - held, counted, null, null, false, null);
        });
    }

    @Override
    public synchronized Handout handOut(SupplyItem item, UUID visit, Instant seasonStart) {
        Objects.requireNonNull(visit, "visit");
        Objects.requireNonNull(seasonStart, "seasonStart");
        if (item == null) {
            return new Handout.Refused(Handout.Reason.NOT_STOCKED, 0, 0);
        }
        Handout result = SqliteTransaction.immediate(records.connection(), "handing out " + item.code(), c -> {
            String member;
            WorkerCategory category;
            try (PreparedStatement st = c.prepareStatement("SELECT member_id, category FROM visit WHERE id = ?")) {
                st.setString(1, visit.toString());
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return new Handout.Refused(Handout.Reason.UNKNOWN_VISIT, 0, 0);
                    }
                    member = rs.getString(1);
                    category = WorkerCategory.valueOf(rs.getString(2));
                }
            }
            int held = held(c, item.code());
            if (held < 1) {
                return new Handout.Refused(Handout.Reason.OUT_OF_STOCK, 0, 0);
            }
            if (member != null && item.limited()) {
                int given = given(c, member, item.code(), seasonStart);
                if (given >= item.perMemberLimit()) {
                    return new Handout.Refused(Handout.Reason.LIMIT_REACHED, given, item.perMemberLimit());
                }
            }
            return new Handout.Given(write(c, SupplyMovement.HANDOUT, item, 1, held - 1, visit, category,
                    member == null, member));
        });
        log.info("handout of {} for visit {}: {}", item.code(), visit, result);
        return result;
    }

    @Override
    public synchronized List<WireSupply> handoutsOf(UUID visit) {
        try (PreparedStatement st = records.connection().prepareStatement("SELECT r.body FROM supply_movement m JOIN record r ON r.id = m.id"
                + " WHERE m.visit_id = ? ORDER BY m.at_ms, m.id")) {
            st.setString(1, visit.toString());
            List<WireSupply> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(org.warmstation.protocol.wire.Wire.decode(rs.getString(1).getBytes(java.nio.charset.StandardCharsets.UTF_8), WireSupply.class));
                }
            }
            return out;
        } catch (SQLException e) {
            throw SqliteErrors.failure("reading the handouts of visit " + visit, e);
        }
    }

    private WireSupply write(Connection c, SupplyMovement movement, SupplyItem item, int quantity, int after,
                             UUID visit, WorkerCategory category, boolean guest, String member) throws SQLException {
        Instant now = records.now();
        UUID id = records.nextId(now);
        WireSupply body = new WireSupply(id, now, movement, item.code(), quantity, after, item.lowAt(), visit, category, guest);
        try (PreparedStatement st = c.prepareStatement("INSERT INTO supply_stock (item, stock, updated_at_ms) VALUES (?, ?, ?)"
                + " ON CONFLICT (item) DO UPDATE SET stock = excluded.stock, updated_at_ms = excluded.updated_at_ms")) {
            st.setString(1, item.code());
            st.setInt(2, after);
            st.setLong(3, now.toEpochMilli());
            st.executeUpdate();
        }
        try (PreparedStatement st = c.prepareStatement("INSERT INTO supply_movement (id, at_ms, movement, item, quantity,"
                + " stock_after, visit_id, member_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setString(1, id.toString());
            st.setLong(2, now.toEpochMilli());
            st.setString(3, movement.name());
            st.setString(4, item.code());
            st.setInt(5, quantity);
            st.setInt(6, after);
            st.setString(7, visit == null ? null : visit.toString());
            st.setString(8, member);
            st.executeUpdate();
        }
        RecordWriter.appendNew(c, id, body.kind(), now, records.encode(body));
        return body;
    }

    private static int held(Connection c, String item) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT stock FROM supply_stock WHERE item = ?")) {
            st.setString(1, item);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    private static int given(Connection c, String member, String item, Instant since) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT COALESCE(SUM(quantity), 0) FROM supply_movement"
                + " WHERE movement = 'HANDOUT' AND member_id = ? AND item = ? AND at_ms >= ?")) {
            st.setString(1, member);
            st.setString(2, item);
            st.setLong(3, since.toEpochMilli());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Override
    public synchronized void close() {
        records.close();
    }
}
