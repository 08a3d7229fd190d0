package org.warmstation.protocol.card;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A district public key that the station trusts, and what it may sign (its {@link KeyPurpose}s).
 *
 * @param keyId      the 16-bit id carried in cards; by convention the first two bytes of the
 *                   SHA-256 of the key's X.509 encoding ({@link #keyIdOf}), but ids may collide,
 *                   so verification tries every key with a matching id
 * @param districtId the district this key signs for
 * @param publicKey  an Ed25519 public key
 * @param purposes   what it may sign, not empty; {@link KeyPurpose#legacy()} (card, enrollment, downlink) for a key line
 *                   without a purpose
 */
public record TrustedKey(int keyId, int districtId, PublicKey publicKey, Set<KeyPurpose> purposes) {

    /**
     * @throws IllegalArgumentException when the id is outside 0–65535, the key is not Ed25519 or
     *                                  the purposes are empty
     */
    public TrustedKey {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(purposes, "purposes");
        if (purposes.isEmpty()) {
            throw new IllegalArgumentException("a trusted key needs at least one purpose");
        }
        purposes = Set.copyOf(EnumSet.copyOf(purposes));
        if (keyId < 0 || keyId > 0xffff) {
            throw new IllegalArgumentException("keyId out of range: " + keyId);
        }
        if (districtId < 1 || districtId > MemberCard.MAX_DISTRICT_ID) {
            throw new IllegalArgumentException("districtId out of range: " + districtId);
        }
        if (!"Ed25519".equals(publicKey.getAlgorithm()) && !"EdDSA".equals(publicKey.getAlgorithm())) {
            throw new IllegalArgumentException("not an Ed25519 key: " + publicKey.getAlgorithm());
        }
    }

    /**
     * A key for every purpose (a trust-list line without a purpose, as before issue 11).
     *
     * @param keyId      the key id
     * @param districtId the district
     * @param publicKey  an Ed25519 public key
     * @throws IllegalArgumentException as the canonical constructor
     */
    public TrustedKey(int keyId, int districtId, PublicKey publicKey) {
        this(keyId, districtId, publicKey, KeyPurpose.legacy());
    }

    /**
     * @param purpose a purpose
     * @return whether this key may sign for it
     */
    public boolean allows(KeyPurpose purpose) {
        return purposes.contains(purpose);
    }

    /** @return whether this key has exactly the purposes of a line written without a purpose ({@link KeyPurpose#legacy()}) */
    public boolean allPurposes() {
        return purposes.equals(KeyPurpose.legacy());
    }

    /**
     * The conventional key id: the first two bytes of SHA-256 over the X.509 encoding.
     *
     * @param key an Ed25519 public key
     * @return 0–65535
     */
    public static int keyIdOf(PublicKey key) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return ((h[0] & 0xff) << 8) | (h[1] & 0xff);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * Decodes a public key from the Base64 of its X.509 (SubjectPublicKeyInfo) encoding.
     *
     * @param base64 Base64 text, as written by {@link #encodedKey()}
     * @return the key
     * @throws IllegalArgumentException when the text is not Base64 of an Ed25519 public key
     */
    public static PublicKey decodeKey(String base64) {
        try {
            byte[] der = Base64.getDecoder().decode(base64.strip());
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    /** @return the Base64 of the key's X.509 encoding */
    public String encodedKey() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }
}
