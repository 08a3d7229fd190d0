package org.warmstation.visitlog.domain;

/** How a visitor checked in. */
public enum VisitSource {
    /** With the QR code of a union member card. */
    CARD,
    /** As a guest without a card, choosing a worker category. */
    GUEST
}
