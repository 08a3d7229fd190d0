package org.warmstation.protocol.wire;

import java.util.Base64;
import org.warmstation.protocol.card.Ed25519;
import org.warmstation.protocol.card.KeyPurpose;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.card.TrustedKey;

/**
 * The signature check shared by {@link Downlink} and {@link SignedUpdate}: Base64 payload and
 * signature, verified by a trusted key of the district with that id and purpose.
 */
final class SignedBytes {
    private SignedBytes() {
    }

    /**
     * @param what      name for messages, e.g. {@code downlink}
     * @param trust     the station's trust list
     * @param keyId     id of the signing key
     * @param purpose   what the key must be trusted for
     * @param district  the station's district
     * @param payload   Base64 of the signed bytes
     * @param signature Base64 of the 64-byte signature
     * @return the verified payload bytes
     * @throws WireFormatException when either is not Base64 or no such key verifies it
     */
    static byte[] verify(String what, TrustList trust, int keyId, KeyPurpose purpose, int district, String payload,
                         String signature) {
        byte[] bytes;
        byte[] sig;
        try {
            bytes = Base64.getDecoder().decode(payload);
            sig = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw new WireFormatException(what + " payload or signature is not Base64", e);
        }
        if (sig.length != Ed25519.SIGNATURE_LENGTH) {
            throw new WireFormatException(what + " signature is " + sig.length + " bytes, not 64");
        }
        for (TrustedKey k : trust.keysFor(keyId, purpose)) {
            if (k.districtId() == district && Ed25519.verifies(k.publicKey(), bytes, sig)) {
                return bytes;
            }
        }
        throw new WireFormatException(String.format("%s not signed by a trusted %s key %04x of district %d (%s)",
                what, purpose.label(), keyId, district, trust.noKeyDetail(keyId, purpose)));
    }
}
