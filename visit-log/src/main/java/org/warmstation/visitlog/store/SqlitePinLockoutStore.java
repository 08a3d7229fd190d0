package org.warmstation.visitlog.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import org.warmstation.visitlog.domain.PinLockoutStore;
import org.warmstation.visitlog.sqlite.SqliteErrors;
import org.warmstation.visitlog.time.BootId;

/**
 * The staff PIN lockout in table {@code pin_lockout} of the visit log (Flyway V9). Each call opens
 * its own short-lived connection (PIN attempts are rare and the kiosk holds no extra connection).
 * Thread-safe: calls are serialised. Blocks on storage; never call on the UI thread.
 */
public final class SqlitePinLockoutStore implements PinLockoutStore {
    private final Path dataDirectory;
    private final BootId boot;

    /**
     * @param dataDirectory the station's data directory
     * @param boot          the current boot, which the times since boot given to this store count from
     */
    public SqlitePinLockoutStore(Path dataDirectory, BootId boot) {
        this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory");
        this.boot = Objects.requireNonNull(boot, "boot");
    }

    @Override
    public synchronized PinLockout load(Duration now) {
        try (Connection c = VisitLogDatabase.open(dataDirectory);
             PreparedStatement st = c.prepareStatement("SELECT wrong_in_row, last_lockout_ms, locked_until_ms,"
                     + " saved_at_ms, boot_id FROM pin_lockout WHERE id = 1");
             ResultSet rs = st.executeQuery()) {
            if (!rs.next()) {
                return PinLockout.NONE;
            }
            long until = rs.getLong(3);
            if (!boot.value().equals(rs.getString(5))) {
                // another boot: its clock is gone; the lock resumes for the time it had left when saved
                until = now.toMillis() + Math.max(0, until - rs.getLong(4));
            }
            return new PinLockout(rs.getInt(1), Duration.ofMillis(rs.getLong(2)), Duration.ofMillis(until));
        } catch (SQLException e) {
            throw SqliteErrors.failure("reading the staff PIN lockout", e);
        }
    }

    @Override
    public synchronized void save(PinLockout state, Duration now) {
        try (Connection c = VisitLogDatabase.open(dataDirectory);
             PreparedStatement st = c.prepareStatement("INSERT INTO pin_lockout (id, wrong_in_row, last_lockout_ms,"
                     + " locked_until_ms, saved_at_ms, boot_id) VALUES (1, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                     + " wrong_in_row = excluded.wrong_in_row, last_lockout_ms = excluded.last_lockout_ms,"
                     + " locked_until_ms = excluded.locked_until_ms, saved_at_ms = excluded.saved_at_ms,"
                     + " boot_id = excluded.boot_id")) {
            st.setInt(1, state.wrongInRow());
            st.setLong(2, state.lastLockout().toMillis());
            st.setLong(3, state.lockedUntil().toMillis());
            st.setLong(4, now.toMillis());
            st.setString(5, boot.value());
            st.executeUpdate();
        } catch (SQLException e) {
            throw SqliteErrors.failure("saving the staff PIN lockout", e);
        }
    }
}
