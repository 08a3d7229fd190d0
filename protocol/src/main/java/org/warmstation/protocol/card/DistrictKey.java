package org.warmstation.protocol.card;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;

/**
 * A district's Ed25519 signing key pair with its district id and key id, and its PEM text form.
 * Reading and writing files is the caller's business (the private key file must be mode 600).
 *
 * @param districtId the district the key signs for
 * @param keyId      the key id carried in the cards it signs
 * @param keyPair    the Ed25519 key pair
 */
public record DistrictKey(int districtId, int keyId, KeyPair keyPair) {
    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    public DistrictKey {
        Objects.requireNonNull(keyPair, "keyPair");
    }

    /**
     * Generates a new key pair; its key id is {@link TrustedKey#keyIdOf}.
     *
     * @param districtId the district
     * @return the new key
     */
    public static DistrictKey generate(int districtId) {
        try {
            KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new DistrictKey(districtId, TrustedKey.keyIdOf(kp.getPublic()), kp);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
        }
    }

    /** @return the private key */
    public PrivateKey privateKey() {
        return keyPair.getPrivate();
    }

    /** @return the trust-list entry for this key, trusted for every purpose (as before issue 11) */
    public TrustedKey trustedKey() {
        return new TrustedKey(keyId, districtId, keyPair.getPublic());
    }

    /**
     * @param purposes what the key may sign, not empty
     * @return the trust-list entry for this key with those purposes
     * @throws IllegalArgumentException when the purposes are empty
     */
    public TrustedKey trustedKey(java.util.Set<KeyPurpose> purposes) {
        return new TrustedKey(keyId, districtId, keyPair.getPublic(), purposes);
    }

    /**
     * @return PEM text: a comment line with district and key id, then the PKCS#8 private key
     *         with its public key (RFC 8410)
     */
    public String toPem() {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keyPair.getPrivate().getEncoded());
        return "# warm-station district " + districtId + " key " + String.format("%04x", keyId) + "\n"
                + "# public " + Base64.getEncoder().encodeToString(keyPair.getPublic().getEncoded()) + "\n"
                + BEGIN + "\n" + b64 + "\n" + END + "\n";
    }

    /**
     * Parses what {@link #toPem()} wrote.
     *
     * @param pem the file text
     * @return the key
     * @throws IllegalArgumentException when the text is not such a key file
     */
    public static DistrictKey fromPem(String pem) {
        try {
            int district = -1;
            int keyId = -1;
            PublicKey pub = null;
            StringBuilder b64 = new StringBuilder();
            boolean inKey = false;
            for (String raw : pem.split("\\R")) {
                String line = raw.strip();
                if (line.startsWith("# warm-station district ")) {
                    String[] f = line.split("\\s+");
                    district = Integer.parseInt(f[3]);
                    keyId = Integer.parseInt(f[5], 16);
                } else if (line.startsWith("# public ")) {
                    pub = TrustedKey.decodeKey(line.substring("# public ".length()));
                } else if (line.equals(BEGIN)) {
                    inKey = true;
                } else if (line.equals(END)) {
                    inKey = false;
                } else if (inKey) {
                    b64.append(line);
                }
            }
            if (district < 0 || pub == null || b64.isEmpty()) {
                throw new IllegalArgumentException("missing district line, public line or key block");
            }
            PrivateKey priv = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(b64.toString())));
            return new DistrictKey(district, keyId, new KeyPair(pub, priv));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not a warm-station district key file: " + e.getMessage(), e);
        }
    }
}
