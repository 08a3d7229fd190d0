package org.warmstation.sync;

import java.util.Optional;
import org.warmstation.protocol.card.DenyList;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.wire.HeldLists;
import org.warmstation.protocol.wire.LoanStatuses;
import org.warmstation.protocol.wire.Neighbours;
import org.warmstation.protocol.wire.SignedUpdate;
import org.warmstation.protocol.wire.StationSettings;
import org.warmstation.protocol.wire.TicketStatuses;
import org.warmstation.protocol.wire.UpdateReport;

/**
 * What the kiosk does with a verified downlink. Each method applies its change atomically (all or
 * nothing, e.g. write a temp file then move it over the old one) and durably before returning.
 * Called on the sync agent's thread; may block on storage.
 */
public interface DownlinkApplier {
    /**
     * @param list the new trust list of district keys
     * @throws Exception when it could not be applied; nothing changed then
     */
    void applyTrustList(TrustList list) throws Exception;

    /**
     * @param list the new card deny list
     * @throws Exception when it could not be applied; nothing changed then
     */
    void applyDenyList(DenyList list) throws Exception;

    /**
     * Applies a whole settings document or nothing of it. A document without a staff PIN keeps
     * the PIN an earlier document set.
     *
     * @param settings the new station settings (already checked in full by the protocol)
     * @throws Exception when they could not be applied; nothing changed then
     */
    void applySettings(StationSettings settings) throws Exception;

    /**
     * The district's settings document in force, whose {@link StationSettings#brokerUrl} the agent
     * connects to (issue 15). Called on the agent's thread; may read storage.
     *
     * @return the document, or empty when the district has set none (or this applier keeps none)
     */
    default Optional<StationSettings> settingsInForce() {
        return Optional.empty();
    }

    /**
     * Puts back the settings document that was in force before the last {@link #applySettings}
     * (decision 0211: a document after which the station cannot reach the broker is rolled back),
     * all of it or nothing, durably. Called on the agent's thread; blocks on storage.
     *
     * @return the document now in force, or empty when there was none before (the station's own settings)
     * @throws Exception when it could not be restored; nothing changed then (by default: this applier
     *                   keeps no previous document)
     */
    default Optional<StationSettings> restorePreviousSettings() throws Exception {
        throw new UnsupportedOperationException("this station keeps no previous settings");
    }

    /**
     * Takes the district's list of this station's loans: closes the loans it says were returned
     * at another station (issue 12, {@link LoanDownlinkApplier}).
     *
     * @param loans the district's list
     * @return a short note for the ack, e.g. how many loans were closed
     * @throws Exception when it could not be applied (also by an applier that keeps no loans); nothing changed then
     */
    default String applyLoans(LoanStatuses loans) throws Exception {
        throw new UnsupportedOperationException("this station keeps no loans");
    }

    /**
     * Takes over the district's statuses of this station's tickets (a {@code TICKETS} downlink).
     *
     * @param tickets where the station's tickets stand at the district
     * @throws Exception when they could not be applied; nothing changed then (by default: this
     *                   applier keeps no tickets)
     */
    default void applyTickets(TicketStatuses tickets) throws Exception {
        throw new UnsupportedOperationException("this station keeps no tickets");
    }

    /**
     * The deny- and trust-list versions in force and when they were received, for the status and
     * heartbeat (issue 11). Called on the agent's thread; may read storage.
     *
     * @return what is held, or null when this applier cannot tell
     */
    default HeldLists held() {
        return null;
    }

    /**
     * @param neighbours the nearest stations of the district with their hours
     * @throws Exception when they could not be applied; nothing changed then (by default: this
     *                   station keeps no neighbours, answered FAILED)
     */
    default void applyNeighbours(Neighbours neighbours) throws Exception {
        throw new UnsupportedOperationException("this station keeps no neighbour list");
    }

    /**
     * Takes a software update offer (issue 15): checks its manifest's signature (purpose
     * {@code update}) and version and starts the download in the background; returns at once.
     *
     * @param update the signed manifest
     * @return a short note for the ack, e.g. that the download started
     * @throws Exception when the offer is refused (bad signature, lower version...; answered
     *                   FAILED with the reason) or this station takes no updates (the default)
     */
    default String applyUpdate(SignedUpdate update) throws Exception {
        throw new UnsupportedOperationException("this station takes no software updates");
    }

    /**
     * Where the station's latest software update stands, for the status and heartbeat (issue 15).
     * Called on the agent's thread; never blocks.
     *
     * @return the report, or null when no update was ever offered or this applier takes none
     */
    default UpdateReport updateReport() {
        return null;
    }
}
