package org.warmstation.visitlog.domain;

import java.util.Objects;
import org.warmstation.protocol.wire.WireSupply;

/** What tapping a supply item at the end of a check-in came to. */
public sealed interface Handout {
    /**
     * Handed out: the stock went down by one and the movement is queued for the district.
     *
     * @param movement the HANDOUT movement as recorded
     */
    record Given(WireSupply movement) implements Handout {
        public Given {
            Objects.requireNonNull(movement, "movement");
        }
    }

    /**
     * Refused: nothing recorded, the stock unchanged.
     *
     * @param reason why
     * @param given  for {@link Reason#LIMIT_REACHED}: how many the member already received this season
     * @param limit  for {@link Reason#LIMIT_REACHED}: the per-member limit per season
     */
    record Refused(Reason reason, int given, int limit) implements Handout {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Why a handout was refused. */
    enum Reason {
        /** The station's settings do not list the item. */
        NOT_STOCKED,
        /** The stock is 0. */
        OUT_OF_STOCK,
        /** The member already received the season's limit of the item. */
        LIMIT_REACHED,
        /** The visit is not in the visit log (e.g. it failed to record). */
        UNKNOWN_VISIT
    }
}
