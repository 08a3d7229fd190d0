package org.warmstation.protocol.card;

import java.util.Objects;

/** The outcome of verifying one scanned text: an accepted card or exactly one reason. */
public sealed interface CardVerdict {

    /** @return true for {@link Accepted} */
    default boolean accepted() {
        return this instanceof Accepted;
    }

    /**
     * A genuine, current card of this station's district that is not revoked.
     *
     * @param card the verified card content
     */
    record Accepted(MemberCard card) implements CardVerdict {
        public Accepted {
            Objects.requireNonNull(card, "card");
        }
    }

    /**
     * A rejected text.
     *
     * @param reason the one reason
     * @param detail a short technical explanation for the log (never shown to the worker, never
     *               containing the scanned text itself)
     */
    record Rejected(RejectionReason reason, String detail) implements CardVerdict {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
