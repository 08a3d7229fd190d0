package org.warmstation.protocol.enroll;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import org.warmstation.protocol.card.Base45;
import org.warmstation.protocol.card.Ed25519;
import org.warmstation.protocol.card.KeyPurpose;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.card.TrustedKey;

/**
 * Verifies a scanned text as a station enrollment code, offline, against the district trust list
 * installed on the terminal. Any text may be passed, hostile text included: it never throws for
 * content and answers with exactly one {@link EnrollmentRefusal} when the text is not acceptable,
 * checked in the order of that enum. Immutable, thread-safe, never blocks.
 */
public final class EnrollmentVerifier {
    private final TrustList trustList;
    private final Set<Integer> acceptedDistricts;
    private final String station;

    /**
     * @param trustList         trusted district keys and the list's issue instant
     * @param acceptedDistricts districts this terminal may be enrolled in; empty means every district
     *                          that has a key in the trust list
     */
    public EnrollmentVerifier(TrustList trustList, Set<Integer> acceptedDistricts) {
        this(trustList, acceptedDistricts, null);
    }

    private EnrollmentVerifier(TrustList trustList, Set<Integer> acceptedDistricts, String station) {
        this.trustList = Objects.requireNonNull(trustList, "trustList");
        this.acceptedDistricts = Set.copyOf(acceptedDistricts);
        this.station = station;
    }

    /**
     * The verifier of a terminal that re-enrolls (decision 0225): it accepts only codes issued for
     * the station it is configured as; a genuine, unexpired code of another station is refused
     * with {@link EnrollmentRefusal#OTHER_STATION}.
     *
     * @param stationId the terminal's station id
     * @return a verifier with this verifier's trust list and districts, restricted to that station
     */
    public EnrollmentVerifier forStation(String stationId) {
        return new EnrollmentVerifier(trustList, acceptedDistricts, Objects.requireNonNull(stationId, "stationId"));
    }

    /**
     * @param text any text (null counts as empty); surrounding white space is ignored
     * @param now  the current time; if earlier than the trust list's issue instant (a terminal
     *             whose clock has not been set), the issue instant is used instead
     * @return the accepted enrollment, or the one reason it is refused
     */
    public EnrollmentVerdict verify(String text, Instant now) {
        Objects.requireNonNull(now, "now");
        String t = text == null ? "" : text.strip();
        if (!t.startsWith(EnrollmentToken.PREFIX)) {
            return refuse(EnrollmentRefusal.NOT_AN_ENROLLMENT_CODE, "no enrollment prefix");
        }
        if (t.length() > EnrollmentToken.MAX_TOKEN_LENGTH) {
            return refuse(EnrollmentRefusal.MALFORMED, "longer than " + EnrollmentToken.MAX_TOKEN_LENGTH + " characters");
        }
        byte[] all;
        StationEnrollment e;
        try {
            all = Base45.decode(t.substring(EnrollmentToken.PREFIX.length()));
            e = EnrollmentToken.parseBody(all);
        } catch (IllegalArgumentException ex) {
            return refuse(EnrollmentRefusal.MALFORMED, ex.getMessage());
        }
        // only keys trusted for enrollment codes (issue 11)
        var candidates = trustList.keysFor(e.keyId(), KeyPurpose.ENROLLMENT);
        if (candidates.isEmpty()) {
            return refuse(EnrollmentRefusal.UNKNOWN_KEY, trustList.noKeyDetail(e.keyId(), KeyPurpose.ENROLLMENT));
        }
        int bodyLength = EnrollmentToken.bodyLength(all);
        byte[] message = EnrollmentToken.signedMessage(Arrays.copyOf(all, bodyLength));
        byte[] sig = Arrays.copyOfRange(all, bodyLength, all.length);
        TrustedKey signer = candidates.stream().filter(k -> valid(k, message, sig)).findFirst().orElse(null);
        if (signer == null) {
            return refuse(EnrollmentRefusal.BAD_SIGNATURE, String.format("key id %04x", e.keyId()));
        }
        if (signer.districtId() != e.districtId()) {
            return refuse(EnrollmentRefusal.BAD_SIGNATURE, "key of district " + signer.districtId()
                    + " signed a code of district " + e.districtId());
        }
        if (!acceptedDistricts.isEmpty() && !acceptedDistricts.contains(e.districtId())) {
            return refuse(EnrollmentRefusal.OTHER_DISTRICT, "district " + e.districtId());
        }
        Instant judged = now.isBefore(trustList.issuedAt()) ? trustList.issuedAt() : now;
        if (judged.isAfter(e.expiresAt())) {
            return refuse(EnrollmentRefusal.EXPIRED, "expired at " + e.expiresAt());
        }
        if (station != null && !station.equals(e.stationId())) {
            return refuse(EnrollmentRefusal.OTHER_STATION, "station " + e.stationId() + ", this terminal is " + station);
        }
        return new EnrollmentVerdict.Accepted(e);
    }

    private static boolean valid(TrustedKey key, byte[] message, byte[] sig) {
        return Ed25519.verifies(key.publicKey(), message, sig);
    }

    private static EnrollmentVerdict refuse(EnrollmentRefusal reason, String detail) {
        return new EnrollmentVerdict.Refused(reason, detail);
    }
}
