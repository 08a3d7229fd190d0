package org.warmstation.protocol.card;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;

/**
 * Ed25519 signatures (RFC 8032, in the JDK since 15) as every district and station document of
 * the project uses them. Stateless, thread-safe, never blocks.
 */
public final class Ed25519 {
    /** Length of a signature in bytes. */
    public static final int SIGNATURE_LENGTH = 64;

    private Ed25519() {
    }

    /**
     * Signs a message.
     *
     * @param key     an Ed25519 private key
     * @param message the bytes to sign
     * @return the 64-byte signature
     * @throws IllegalArgumentException when the key is not an Ed25519 private key
     */
    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with this key: " + e.getMessage(), e);
        }
    }

    /**
     * Verifies a signature; never throws for bad input.
     *
     * @param key       an Ed25519 public key
     * @param message   the signed bytes
     * @param signature the signature to check
     * @return true only when the signature is valid for this key and message
     */
    public static boolean verifies(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The message of a prefixed token: the ASCII prefix, then the body. Signing the prefix too
     * separates the kinds of document one district key signs (a card's signature never passes as
     * an enrollment code's).
     *
     * @param prefix an ASCII prefix such as {@code "WSM:"}
     * @param body   the body bytes
     * @return a new array: prefix bytes followed by the body
     */
    public static byte[] prefixed(String prefix, byte[] body) {
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        byte[] m = Arrays.copyOf(p, p.length + body.length);
        System.arraycopy(body, 0, m, p.length, body.length);
        return m;
    }
}
