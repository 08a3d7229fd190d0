package org.warmstation.protocol.wire;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.warmstation.protocol.card.DenyList;
import org.warmstation.protocol.card.TrustList;

/**
 * What a district tells one station; carried signed inside a {@link Downlink} (schema
 * {@code docs/schemas/downlink-command.schema.json}). Exactly the field matching {@code kind} is
 * present.
 *
 * @param schema    always {@link #SCHEMA}
 * @param id        command id, echoed by the {@link DownlinkAck}
 * @param district  the issuing district
 * @param station   the target station (a command for another station is refused)
 * @param issuedAt  when the district issued it; a station refuses a command of a kind older than
 *                  the last one of that kind it applied
 * @param kind      what to do
 * @param trustList for {@link Kind#TRUST_LIST}: the new trust list in its text form
 * @param denyList  for {@link Kind#DENY_LIST}: the new deny list in its text form
 * @param settings  for {@link Kind#SETTINGS}: the new station settings
 * @param resend    for {@link Kind#RESEND}: the visit range to send again
 * @param tickets   for {@link Kind#TICKETS}: where the station's tickets stand at the district
 * @param loans     for {@link Kind#LOANS}: the station's loans as the district sees them
 * @param neighbours for {@link Kind#NEIGHBOURS}: the nearest stations of the district with their hours
 * @param update    for {@link Kind#UPDATE}: the signed manifest of a software update (issue 15)
 */
public record DownlinkCommand(String schema, UUID id, int district, String station, Instant issuedAt, Kind kind,
                              String trustList, String denyList, StationSettings settings, SeqRange resend,
                              TicketStatuses tickets, LoanStatuses loans, Neighbours neighbours,
                              SignedUpdate update) {
    /** Schema name and version. */
    public static final String SCHEMA = "ws.downlink-command/1";

    /** The kinds of command. */
    public enum Kind {
        /** Replace the trust list of district keys. */
        TRUST_LIST,
        /** Replace the card deny list. */
        DENY_LIST,
        /** Replace the station settings. */
        SETTINGS,
        /** Send a range of visits again (after a day-close reconciliation found a gap). */
        RESEND,
        /** Where the station's fault and wish tickets stand at the district. */
        TICKETS,
        /** The station's loans as the district sees them (returns at other stations included). */
        LOANS,
        /** Replace the list of the nearest stations of the district and their hours. */
        NEIGHBOURS,
        /** Download, verify and install a software update (issue 15). */
        UPDATE
    }

    /** @throws IllegalArgumentException naming the first invalid field */
    public DownlinkCommand {
        Check.schema(schema, SCHEMA);
        Objects.requireNonNull(id, "id");
        Check.district(district);
        Check.station(station);
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(kind, "kind");
        int present = (trustList != null ? 1 : 0) + (denyList != null ? 1 : 0) + (settings != null ? 1 : 0)
                + (resend != null ? 1 : 0) + (tickets != null ? 1 : 0) + (loans != null ? 1 : 0)
                + (neighbours != null ? 1 : 0) + (update != null ? 1 : 0);
        boolean matches = switch (kind) {
            case TRUST_LIST -> trustList != null;
            case DENY_LIST -> denyList != null;
            case SETTINGS -> settings != null;
            case RESEND -> resend != null;
            case TICKETS -> tickets != null;
            case LOANS -> loans != null;
            case NEIGHBOURS -> neighbours != null;
            case UPDATE -> update != null;
        };
        if (present != 1 || !matches) {
            throw new IllegalArgumentException("a " + kind + " command carries exactly its own field");
        }
        if (trustList != null) {
            TrustList.parse(trustList);
        }
        if (denyList != null) {
            DenyList.parse(denyList);
        }
    }

    /**
     * A command without an update (every kind before issue 15).
     *
     * @throws IllegalArgumentException naming the first invalid field
     */
    public DownlinkCommand(String schema, UUID id, int district, String station, Instant issuedAt, Kind kind,
                           String trustList, String denyList, StationSettings settings, SeqRange resend,
                           TicketStatuses tickets, LoanStatuses loans, Neighbours neighbours) {
        this(schema, id, district, station, issuedAt, kind, trustList, denyList, settings, resend, tickets, loans,
                neighbours, null);
    }

    /**
     * @param district issuing district
     * @param station  target station
     * @param issuedAt issue instant
     * @param update   the signed update manifest
     * @return a command with a new random id
     */
    public static DownlinkCommand update(int district, String station, Instant issuedAt, SignedUpdate update) {
        return new DownlinkCommand(SCHEMA, UUID.randomUUID(), district, station, issuedAt, Kind.UPDATE, null, null,
                null, null, null, null, null, Objects.requireNonNull(update, "update"));
    }

    private static DownlinkCommand of(int district, String station, Instant issuedAt, Kind kind, String trust,
                                      String deny, StationSettings settings, SeqRange resend) {
        return new DownlinkCommand(SCHEMA, UUID.randomUUID(), district, station, issuedAt, kind, trust, deny,
                settings, resend, null, null, null);
    }

    /**
     * @param district issuing district
     * @param station  target station
     * @param issuedAt issue instant
     * @param list     the new trust list
     * @return a command with a new random id
     */
    public static DownlinkCommand trustList(int district, String station, Instant issuedAt, TrustList list) {
        return of(district, station, issuedAt, Kind.TRUST_LIST, list.format(), null, null, null);
    }

    /**
     * @param district issuing district
     * @param station  target station
     * @param issuedAt issue instant
     * @param list     the new deny list
     * @return a command with a new random id
     */
    public static DownlinkCommand denyList(int district, String station, Instant issuedAt, DenyList list) {
        return of(district, station, issuedAt, Kind.DENY_LIST, null, list.format(), null, null);
    }

    /**
     * @param district issuing district
     * @param station  target station
     * @param issuedAt issue instant
     * @param settings the new settings
     * @return a command with a new random id
     */
    public static DownlinkCommand settings(int district, String station, Instant issuedAt, StationSettings settings) {
        return of(district, station, issuedAt, Kind.SETTINGS, null, null, settings, null);
    }

    /**
     * @param district issuing district
     * @param station  target station
     * @param issuedAt issue instant
     * @param range    the seqs to send again
     * @return a command with a new random id
     */
    public static DownlinkCommand resend(int district, String station, Instant issuedAt, SeqRange range) {
        return of(district, station, issuedAt, Kind.RESEND, null, null, null, range);
    }

    /**
     * @param district issuing district
     * @param station  target station
     * @param issuedAt issue instant
     * @param tickets  where the station's tickets stand
     * @return a command with a new random id
     */
    public static DownlinkCommand tickets(int district, String station, Instant issuedAt, TicketStatuses tickets) {
        return new DownlinkCommand(SCHEMA, UUID.randomUUID(), district, station, issuedAt, Kind.TICKETS, null, null,
                null, null, Objects.requireNonNull(tickets, "tickets"), null, null);
    }

    /**
     * @param district issuing district
     * @param station  target station
     * @param issuedAt issue instant
     * @param loans    the station's loans as the district sees them
     * @return a command with a new random id
     */
    public static DownlinkCommand loans(int district, String station, Instant issuedAt, LoanStatuses loans) {
        return new DownlinkCommand(SCHEMA, UUID.randomUUID(), district, station, issuedAt, Kind.LOANS, null, null,
                null, null, null, Objects.requireNonNull(loans, "loans"), null);
    }

    /**
     * @param district   issuing district
     * @param station    target station
     * @param issuedAt   issue instant
     * @param neighbours the nearest stations of the district
     * @return a command with a new random id
     */
    public static DownlinkCommand neighbours(int district, String station, Instant issuedAt, Neighbours neighbours) {
        return new DownlinkCommand(SCHEMA, UUID.randomUUID(), district, station, issuedAt, Kind.NEIGHBOURS, null, null,
                null, null, null, null, Objects.requireNonNull(neighbours, "neighbours"));
    }

    /** @return the parsed trust list of a {@link Kind#TRUST_LIST} command */
    @JsonIgnore
    public TrustList parsedTrustList() {
        return TrustList.parse(Objects.requireNonNull(trustList, "not a TRUST_LIST command"));
    }

    /** @return the parsed deny list of a {@link Kind#DENY_LIST} command */
    @JsonIgnore
    public DenyList parsedDenyList() {
        return DenyList.parse(Objects.requireNonNull(denyList, "not a DENY_LIST command"));
    }
}
