package org.warmstation.visitlog.sqlite;

import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.warmstation.visitlog.domain.VisitStore.StoreException;

/**
 * Turns SQLite errors into {@link StoreException}s whose message a staff member can act on, by
 * the SQLite result code: the one error translator of the visit log (store and outbox). Stateless.
 */
public final class SqliteErrors {
    private SqliteErrors() {
    }

    /**
     * @param what what was being done, e.g. "recording a visit"
     * @param e    the error
     * @return the exception to throw; {@link StoreException#damaged()} when SQLite found the file corrupt
     */
    public static StoreException failure(String what, SQLException e) {
        int code = primaryCode(e);
        return new StoreException(explain(code) + " (" + what + ": " + e.getMessage() + ")", e, isCorrupt(code));
    }

    /**
     * @param primaryCode a primary SQLite result code
     * @return whether it says the database file is damaged (SQLITE_CORRUPT, SQLITE_NOTADB)
     */
    public static boolean isCorrupt(int primaryCode) {
        return primaryCode == 11 || primaryCode == 26;
    }

    /** @return the primary SQLite result code (extended codes reduced), or -1 if unknown */
    public static int primaryCode(SQLException e) {
        if (e instanceof SQLiteException s && s.getResultCode() != null
                && s.getResultCode() != SQLiteErrorCode.UNKNOWN_ERROR) {
            return s.getResultCode().code & 0xff;
        }
        return e.getErrorCode() > 0 ? e.getErrorCode() & 0xff : -1;
    }

    private static String explain(int primaryCode) {
        return switch (primaryCode) {
            case 13 -> // SQLITE_FULL
                    "visit log full: no room left on the data partition (or the database size limit);"
                    + " free space, nothing already recorded is lost";
            case 10 -> // SQLITE_IOERR and its extended codes
                    "storage I/O error on the visit log: the SD card may be failing or was removed";
            case 5, 6 -> // SQLITE_BUSY, SQLITE_LOCKED
                    "visit log busy: another process held it locked too long";
            case 11, 26 -> // SQLITE_CORRUPT, SQLITE_NOTADB
                    "visit log damaged: the database file is corrupt";
            case 8 -> // SQLITE_READONLY
                    "visit log read-only: the data partition is read-only or not writable";
            case 14 -> // SQLITE_CANTOPEN
                    "cannot open the visit log file";
            case 19 -> // SQLITE_CONSTRAINT
                    "visit log refused the change (constraint violated)";
            default -> "visit log database error";
        };
    }
}
