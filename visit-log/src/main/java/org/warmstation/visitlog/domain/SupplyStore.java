package org.warmstation.visitlog.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.warmstation.protocol.wire.SupplySettings;
import org.warmstation.protocol.wire.SupplyItem;
import org.warmstation.protocol.wire.WireSupply;

/**
 * The station's winter supplies (issue 12): stock per item, deliveries and count corrections by
 * staff, handouts at the end of a check-in with the per-member limit per season enforced offline.
 * Every change is written together with its {@code SUPPLY} record of the typed outbox in one
 * transaction. Every method blocks on storage; none may be called on the UI thread.
 * Implementations are thread-safe.
 */
public interface SupplyStore extends AutoCloseable {
    /**
     * @param settings the station's supply settings
     * @return the stock of each item of the settings, in their order (0 for an item never delivered)
     * @throws VisitStore.StoreException when storage fails
     */
    List<StockLevel> stock(SupplySettings settings);

    /**
     * Books a delivery in.
     *
     * @param item     the item
     * @param quantity units delivered, 1..{@value WireSupply#MAX_STOCK}
     * @return the DELIVERY movement
     * @throws IllegalArgumentException when the quantity is out of range or the stock would pass
     *                                  {@value WireSupply#MAX_STOCK}; nothing recorded
     * @throws VisitStore.StoreException when storage fails; nothing recorded
     */
    WireSupply deliver(SupplyItem item, int quantity);

    /**
     * Sets the stock to a counted figure.
     *
     * @param item    the item
     * @param counted the stock counted, 0..{@value WireSupply#MAX_STOCK}
     * @return the CORRECTION movement (quantity = counted minus held)
     * @throws IllegalArgumentException when the count is below zero or too large; nothing recorded
     * @throws VisitStore.StoreException when storage fails; nothing recorded
     */
    WireSupply correct(SupplyItem item, int counted);

    /**
     * Hands one unit of an item out to the visitor of a visit. A member's handouts of the item
     * since {@code seasonStart} count against the item's per-member limit; a guest is not limited.
     *
     * @param item        the item, or null when the station's settings do not list the tapped one
     * @param visit       the visit the handout belongs to
     * @param seasonStart the start of the current season (the limit counts handouts at or after it)
     * @return given, or refused with the reason (nothing recorded then)
     * @throws VisitStore.StoreException when storage fails; nothing recorded
     */
    Handout handOut(SupplyItem item, UUID visit, Instant seasonStart);

    /**
     * @param visit a visit
     * @return the HANDOUT movements of that visit, oldest first
     * @throws VisitStore.StoreException when storage fails
     */
    List<WireSupply> handoutsOf(UUID visit);

    /** Closes the store; idempotent. */
    @Override
    void close();
}
