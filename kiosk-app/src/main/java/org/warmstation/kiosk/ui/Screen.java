package org.warmstation.kiosk.ui;

/** The screens of the kiosk; exactly one is shown at a time. */
public enum Screen {
    /** Waiting for a card: station name, clock, "show your member QR code", guest button. */
    IDLE,
    /** A new visit was recorded: category, greeting, service toggles. */
    WELCOME,
    /** The card was already checked in within the duplicate window; services may still be added. */
    ALREADY_CHECKED_IN,
    /** The scanned code is not an acceptable member card; nothing recorded. */
    REJECTED,
    /** The visit could not be recorded (storage problem); staff should be told. */
    FAILED,
    /** A visitor without a card picks a worker category. */
    GUEST,
    /** The staff PIN keypad. */
    STAFF_PIN,
    /** Today's figures for the staff. */
    STAFF,
    /** A visitor reports a problem from a short list (no text, no personal data). */
    REPORT,
    /** Staff report a problem (with a short text) and see the station's tickets and their status. */
    STAFF_TICKETS,
    /** Staff see the loans out and overdue, take items back, lend to guests where allowed. */
    STAFF_LOANS,
    /** A member, after checking in with the card, borrows or hands back rain gear or a power bank. */
    MEMBER_LOANS,
    /** The end of a check-in: supply items to hand out to the visitor on screen, with their stock. */
    HANDOUT,
    /** After a new visit's screen: the optional one-tap rating, gone after 8 s or at the next scan. */
    RATING,
    /** Staff book deliveries and counts of the supplies and see the stock, low items flagged. */
    STAFF_SUPPLIES,
    /**
     * The visit log was found damaged at start and set aside: "terminal damaged — call the
     * district"; stays until tapped (a fresh log records check-ins meanwhile).
     */
    DAMAGED,
    /**
     * Staff re-enroll this configured terminal with a new one-time enrollment code of its station
     * (decision 0225): the enrollment screen's prompt and messages, and a back button.
     */
    STAFF_REENROLL;

    /** @return whether workers see this screen (large text applies), not only the staff */
    public boolean forWorkers() {
        return this != STAFF_PIN && this != STAFF && this != STAFF_TICKETS && this != STAFF_LOANS
                && this != STAFF_SUPPLIES && this != STAFF_REENROLL;
    }
}
