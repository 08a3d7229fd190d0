package org.warmstation.protocol.supply;

/** How a station's stock of a supply item changed. */
public enum SupplyMovement {
    /** Staff booked a delivery in (stock rises by the quantity). */
    DELIVERY,
    /** Staff counted the stock: it is set to the counted figure (the quantity is the change, may be negative). */
    CORRECTION,
    /** An item was handed out at the end of a check-in (stock falls by the quantity). */
    HANDOUT
}
