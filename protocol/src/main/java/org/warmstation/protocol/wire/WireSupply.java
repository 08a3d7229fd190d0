package org.warmstation.protocol.wire;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.protocol.supply.SupplyMovement;

/**
 * The body of a {@code SUPPLY} record of the typed outbox: one movement of a station's stock of a
 * supply item (schema {@code docs/schemas/supply.schema.json}). The record's uuid is the
 * movement's id. A handout names the visit it belongs to and the visitor's worker category, never
 * the member (the district finds the member through the visit, for the k-suppression only).
 *
 * @param id         the movement id (UUIDv7, made at the station)
 * @param at         when it happened (UTC, station clock)
 * @param movement   delivery, count correction or handout
 * @param item       the item code of the station's settings (e.g. {@code GLOVES}), an upper-case name
 * @param quantity   the change of the stock in the item's units: {@code >= 1} for a delivery (added)
 *                   and a handout (taken); for a correction the counted stock minus the stock held
 *                   before (any sign)
 * @param stockAfter the stock after the movement, {@code 0..}{@value #MAX_STOCK}
 * @param lowAt      the item's low-stock threshold at the station then: stock below it is low
 * @param visit      for a handout the visit's uuid, otherwise null
 * @param category   for a handout the visitor's worker category, otherwise null
 * @param guest      for a handout whether the visitor was a guest (no card), otherwise false
 */
public record WireSupply(UUID id, Instant at, SupplyMovement movement, String item, int quantity, int stockAfter,
                         int lowAt, UUID visit, WorkerCategory category, boolean guest) implements RecordBody {
    /** The most of one item a station can hold. */
    public static final int MAX_STOCK = 1_000_000;

    /** @throws IllegalArgumentException naming the first invalid field */
    public WireSupply {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(movement, "movement");
        Check.enumName("item", item);
        if (stockAfter < 0 || stockAfter > MAX_STOCK) {
            throw new IllegalArgumentException("stockAfter must be 0.." + MAX_STOCK + ": " + stockAfter);
        }
        if (lowAt < 0 || lowAt > MAX_STOCK) {
            throw new IllegalArgumentException("lowAt must be 0.." + MAX_STOCK + ": " + lowAt);
        }
        if (movement != SupplyMovement.CORRECTION && (quantity < 1 || quantity > MAX_STOCK)) {
            throw new IllegalArgumentException(movement + " quantity must be 1.." + MAX_STOCK + ": " + quantity);
        }
        if (movement == SupplyMovement.CORRECTION && Math.abs((long) quantity) > MAX_STOCK) {
            throw new IllegalArgumentException("correction quantity out of range: " + quantity);
        }
        boolean handout = movement == SupplyMovement.HANDOUT;
        if (handout != (visit != null) || handout != (category != null)) {
            throw new IllegalArgumentException("a HANDOUT names its visit and category, other movements neither");
        }
        if (!handout && guest) {
            throw new IllegalArgumentException("only a HANDOUT can be to a guest");
        }
    }

    /** @return whether the stock after this movement is low (below {@link #lowAt}) */
    public boolean low() {
        return stockAfter < lowAt;
    }

    @Override
    public RecordKind kind() {
        return RecordKind.SUPPLY;
    }
}
