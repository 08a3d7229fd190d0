package org.warmstation.protocol.card;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The staff PIN that opens the terminal's staff menu, kept only as a salted PBKDF2 hash
 * (PBKDF2WithHmacSHA256, RFC 8018 section 5.2) so the configuration file never holds the PIN.
 *
 * <p>Text form (the value of {@code staff.pin}): {@code pbkdf2-sha256$ITERATIONS$SALT$HASH}, salt
 * and hash in Base64 without padding. Immutable and thread-safe; {@link #hash} and
 * {@link #matches} block for the key derivation (a fraction of a second on a desktop, about
 * a second on a Raspberry Pi 4), so call them off the UI thread.
 */
public final class StaffPin {
    /** Prefix of the text form, naming the algorithm. */
    public static final String SCHEME = "pbkdf2-sha256";
    /** Iterations used for new hashes. */
    public static final int ITERATIONS = 310_000;
    /** Shortest PIN accepted: 6 digits, a million PINs against the keypad's lockout (decision 0202). */
    public static final int MIN_DIGITS = 6;
    /** Longest PIN accepted. */
    public static final int MAX_DIGITS = 12;

    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private StaffPin(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /**
     * Hashes a new PIN with a fresh random salt.
     *
     * @param pin {@value #MIN_DIGITS} to {@value #MAX_DIGITS} decimal digits; the caller may clear
     *            the array afterwards
     * @return the hashed PIN
     * @throws IllegalArgumentException when the PIN is not 6 to 12 digits; the message says so in
     *                                  English and Chinese (shown as is by the console and the CLI)
     */
    public static StaffPin hash(char[] pin) {
        Objects.requireNonNull(pin, "pin");
        if (pin.length < MIN_DIGITS || pin.length > MAX_DIGITS) {
            throw new IllegalArgumentException("a staff PIN has " + MIN_DIGITS + " to " + MAX_DIGITS + " digits, found "
                    + pin.length + " (工作人员 PIN 须为 " + MIN_DIGITS + " 至 " + MAX_DIGITS + " 位数字)");
        }
        for (char c : pin) {
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("a staff PIN has digits only (工作人员 PIN 只能是数字)");
            }
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new StaffPin(ITERATIONS, salt, derive(pin, salt, ITERATIONS));
    }

    /**
     * Parses the text form written by {@link #encoded()}.
     *
     * @param encoded the value of {@code staff.pin}
     * @return the hashed PIN
     * @throws IllegalArgumentException when the text is not that form (for instance a plain PIN)
     */
    public static StaffPin parse(String encoded) {
        Objects.requireNonNull(encoded, "encoded");
        String[] f = encoded.strip().split("\\$", -1);
        if (f.length != 4 || !f[0].equals(SCHEME)) {
            throw new IllegalArgumentException("must be a PBKDF2 hash '" + SCHEME
                    + "$iterations$salt$hash' as written by 'station init --pin', never a plain PIN");
        }
        try {
            int iterations = Integer.parseInt(f[1]);
            byte[] salt = Base64.getDecoder().decode(f[2]);
            byte[] hash = Base64.getDecoder().decode(f[3]);
            if (iterations < 1000 || salt.length < 8 || hash.length != HASH_BITS / 8) {
                throw new IllegalArgumentException("iterations, salt or hash length out of range");
            }
            return new StaffPin(iterations, salt, hash);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed PBKDF2 hash: " + e.getMessage(), e);
        }
    }

    /**
     * Checks an entered PIN in constant time with respect to the stored hash.
     *
     * @param pin the digits entered; null or wrong length simply does not match
     * @return whether it is the staff PIN
     */
    public boolean matches(char[] pin) {
        if (pin == null || pin.length == 0) {
            return false;
        }
        return MessageDigest.isEqual(hash, derive(pin, salt, iterations));
    }

    /** @return the text form {@code pbkdf2-sha256$ITERATIONS$SALT$HASH} */
    public String encoded() {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    private static byte[] derive(char[] pin, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(pin, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StaffPin p && p.iterations == iterations
                && Arrays.equals(p.salt, salt) && Arrays.equals(p.hash, hash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hash);
    }

    /** @return the scheme only; the hash is not shown in logs */
    @Override
    public String toString() {
        return "StaffPin[" + SCHEME + "]";
    }
}
