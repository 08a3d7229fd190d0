package org.warmstation.kiosk.domain;

import java.util.Objects;
import org.warmstation.protocol.card.RejectionReason;
import org.warmstation.visitlog.domain.Visit;

/** What a check-in attempt came to; the UI shows one screen per kind. */
public sealed interface CheckInResult {

    /**
     * A new visit, committed to the visit log.
     *
     * @param visit the committed visit
     */
    record Welcome(Visit visit) implements CheckInResult {
        public Welcome {
            Objects.requireNonNull(visit, "visit");
        }
    }

    /**
     * The same card checked in within the duplicate window: the earlier visit, not a new count.
     *
     * @param visit the earlier visit, to which services may still be added
     */
    record AlreadyCheckedIn(Visit visit) implements CheckInResult {
        public AlreadyCheckedIn {
            Objects.requireNonNull(visit, "visit");
        }
    }

    /**
     * The text was not an acceptable member card; nothing was recorded.
     *
     * @param reason the one reason
     */
    record Rejected(RejectionReason reason) implements CheckInResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The visit could not be recorded (disk full, database error); nothing recorded before is
     * lost and the terminal goes on.
     *
     * @param message   what failed, for the log and the staff
     * @param logDamaged whether the visit log's file is damaged (SQLite found it corrupt): the
     *                   terminal sets it aside and starts a fresh log (decision 0260)
     */
    record Failed(String message, boolean logDamaged) implements CheckInResult {
        public Failed {
            Objects.requireNonNull(message, "message");
        }

        /** @param message what failed; the log is not damaged */
        public Failed(String message) {
            this(message, false);
        }
    }
}
