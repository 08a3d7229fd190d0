package org.warmstation.district.ticket;

import java.time.Instant;
import java.util.UUID;
import org.warmstation.protocol.ticket.TicketStatus;

/**
 * One ticket as the district holds it.
 *
 * @param id             ticket id
 * @param station        the station that opened it
 * @param stationName    its name from its profile, or null when unknown
 * @param problem        a {@code TicketProblem} name (or an unknown name from a newer station)
 * @param source         {@code STAFF}, {@code VISITOR} or {@code TERMINAL}
 * @param text           the staff's text, or null
 * @param device         the failing peripheral of a terminal ticket, or null
 * @param openedAt       when the station opened it (station clock)
 * @param receivedAt     when it arrived (district clock)
 * @param status         its status
 * @param acknowledgedAt when it was acknowledged, or null
 * @param acknowledgedBy by whom, or null
 * @param resolvedAt     when it was resolved, or null
 * @param resolvedBy     by whom, or null
 */
public record TicketRow(UUID id, String station, String stationName, String problem, String source, String text, String device,
                        Instant openedAt, Instant receivedAt, TicketStatus status, Instant acknowledgedAt,
                        String acknowledgedBy, Instant resolvedAt, String resolvedBy) {
    /** @return when the status last changed: resolved, else acknowledged, else received */
    public Instant changedAt() {
        return resolvedAt != null ? resolvedAt : acknowledgedAt != null ? acknowledgedAt : receivedAt;
    }

    /** @return who last changed the status, or null while new */
    public String changedBy() {
        return resolvedBy != null ? resolvedBy : acknowledgedBy;
    }
}
