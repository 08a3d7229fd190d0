package org.warmstation.protocol.enroll;

import java.util.Objects;

/** The outcome of verifying one scanned text as an enrollment code: accepted, or exactly one reason. */
public sealed interface EnrollmentVerdict {

    /** @return true for {@link Accepted} */
    default boolean accepted() {
        return this instanceof Accepted;
    }

    /**
     * A genuine, current enrollment code of an accepted district.
     *
     * @param enrollment its content
     */
    record Accepted(StationEnrollment enrollment) implements EnrollmentVerdict {
        public Accepted {
            Objects.requireNonNull(enrollment, "enrollment");
        }
    }

    /**
     * A refused text.
     *
     * @param reason the one reason
     * @param detail a short technical explanation for the log, never containing the credential
     */
    record Refused(EnrollmentRefusal reason, String detail) implements EnrollmentVerdict {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
