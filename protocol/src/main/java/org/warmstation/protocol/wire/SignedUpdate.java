package org.warmstation.protocol.wire;

import java.util.Base64;
import java.util.Objects;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.Ed25519;
import org.warmstation.protocol.card.KeyPurpose;
import org.warmstation.protocol.card.TrustList;

/**
 * An {@link UpdateManifest} signed by a district key of purpose {@code update} (issue 15, decision
 * 0215), the body of an {@code UPDATE} downlink. The downlink's own signature (purpose
 * {@code downlink}) says the district server sent it; this one says the district's release key
 * vouches for the package, so a stolen downlink key alone cannot make stations install anything.
 * The signature is Ed25519 over the exact manifest bytes.
 *
 * @param keyId     id of the signing update key (as in the trust list), 0..65535
 * @param manifest  Base64 of the UTF-8 JSON of the manifest
 * @param signature Base64 of the 64-byte Ed25519 signature over the decoded manifest bytes
 */
public record SignedUpdate(int keyId, String manifest, String signature) {
    /** @throws IllegalArgumentException naming the first invalid field */
    public SignedUpdate {
        if (keyId < 0 || keyId > 0xffff) {
            throw new IllegalArgumentException("keyId out of range: " + keyId);
        }
        Objects.requireNonNull(manifest, "manifest");
        Check.text("manifest", manifest, 8192);
        Objects.requireNonNull(signature, "signature");
        Check.text("signature", signature, 200);
    }

    /**
     * @param manifest the manifest
     * @param key      the district's update key
     * @return the signed manifest
     * @throws IllegalArgumentException when the key's district is not the manifest's
     */
    public static SignedUpdate sign(UpdateManifest manifest, DistrictKey key) {
        if (key.districtId() != manifest.district()) {
            throw new IllegalArgumentException("key of district " + key.districtId() + " cannot sign for " + manifest.district());
        }
        byte[] bytes = Wire.encode(manifest);
        Base64.Encoder b64 = Base64.getEncoder();
        return new SignedUpdate(key.keyId(), b64.encodeToString(bytes), b64.encodeToString(Ed25519.sign(key.privateKey(), bytes)));
    }

    /**
     * Checks the signature by a trusted update key of the district, then decodes the manifest.
     *
     * @param trust    the station's trust list
     * @param district the station's district
     * @return the verified manifest, for that district
     * @throws WireFormatException when the manifest or signature is not Base64, no trusted update key
     *                             of that district with that id verifies it (a card or downlink key
     *                             does not), or the manifest is invalid or for another district
     */
    public UpdateManifest verify(TrustList trust, int district) {
        byte[] bytes = SignedBytes.verify("update manifest", trust, keyId, KeyPurpose.UPDATE, district, manifest, signature);
        UpdateManifest m = Wire.decode(bytes, UpdateManifest.class, 8192);
        if (m.district() != district) {
            throw new WireFormatException("update manifest of district " + m.district() + ", not " + district);
        }
        return m;
    }

    /**
     * Decodes the manifest without checking the signature (for display and for the district's own
     * records; a station always uses {@link #verify}).
     *
     * @return the manifest
     * @throws WireFormatException when it is not a valid manifest
     */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public UpdateManifest unverifiedManifest() {
        try {
            return Wire.decode(Base64.getDecoder().decode(manifest), UpdateManifest.class, 8192);
        } catch (IllegalArgumentException e) {
            throw new WireFormatException("update manifest is not Base64", e);
        }
    }
}
