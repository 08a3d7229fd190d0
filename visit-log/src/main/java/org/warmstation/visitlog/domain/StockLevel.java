package org.warmstation.visitlog.domain;

import java.util.Objects;
import org.warmstation.protocol.wire.SupplyItem;

/**
 * The stock of one supply item at the station.
 *
 * @param item  the item (from the station's settings)
 * @param stock how many units are held, {@code >= 0}
 */
public record StockLevel(SupplyItem item, int stock) {
    public StockLevel {
        Objects.requireNonNull(item, "item");
        if (stock < 0) {
            throw new IllegalArgumentException("stock must be >= 0: " + stock);
        }
    }

    /** @return whether the stock is below the item's low-stock threshold */
    public boolean low() {
        return stock < item.lowAt();
    }
}
