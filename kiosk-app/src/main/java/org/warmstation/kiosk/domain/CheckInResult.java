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
     * @param message what failed, for the log and the staff
     */
    record Failed(String message) implements CheckInResult {
        public Failed {
            Objects.requireNonNull(message, "message");
        }
    }
}
