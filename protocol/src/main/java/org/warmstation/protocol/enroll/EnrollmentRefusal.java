package org.warmstation.protocol.enroll;

/**
 * Why a scanned text is not accepted as a station enrollment code. Exactly one reason is given;
 * the checks run in the order of the constants, so nothing in the code (its district, its expiry)
 * is looked at before the signature is verified.
 */
public enum EnrollmentRefusal {
    /** The text does not start with {@link EnrollmentToken#PREFIX}: a member card or some other QR code. */
    NOT_AN_ENROLLMENT_CODE,
    /** The prefix is right but the rest is not a well-formed enrollment code of a known version. */
    MALFORMED,
    /** No key in the trust list has the code's key id: not issued by a district this terminal knows. */
    UNKNOWN_KEY,
    /** No trusted key with that id verifies the signature (forged or altered), or the signing key is another district's. */
    BAD_SIGNATURE,
    /** A genuine code of a district this terminal is not installed for. */
    OTHER_DISTRICT,
    /** The code's expiry instant has passed. */
    EXPIRED,
    /**
     * A genuine, unexpired code of another station, scanned to re-enroll a terminal that is
     * configured for a station already ({@link EnrollmentVerifier#forStation}).
     */
    OTHER_STATION
}
