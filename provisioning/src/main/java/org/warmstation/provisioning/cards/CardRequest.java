package org.warmstation.provisioning.cards;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.warmstation.protocol.card.MemberCard;
import org.warmstation.protocol.card.WorkerCategory;

/**
 * One card to issue. It holds no personal data: the member is known to the card only by a random
 * member id, which the union's own register links to a person.
 *
 * @param category   the member's trade
 * @param validFrom  first valid day (inclusive)
 * @param validUntil last valid day (inclusive), not before {@code validFrom}
 * @param memberId   the member id to re-use (re-issue to a known member); empty for a new random one
 * @param serial     the serial wanted; empty to take the next free one from the register
 */
public record CardRequest(WorkerCategory category, LocalDate validFrom, LocalDate validUntil,
                          Optional<MemberCard.MemberId> memberId, OptionalLong serial) {
    /**
     * @throws IllegalArgumentException when the validity ends before it starts
     */
    public CardRequest {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(serial, "serial");
        if (validUntil.isBefore(validFrom)) {
            throw new IllegalArgumentException("valid_until " + validUntil + " is before valid_from " + validFrom);
        }
    }
}
