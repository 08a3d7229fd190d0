package org.warmstation.district.console.auth;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * bcrypt password hashes (spring-security-crypto's {@link BCrypt}; decision 0071). A hash embeds
 * its salt and cost, so the cost can be raised later without invalidating stored hashes.
 *
 * <p>Thread-safe. Hashing and checking block for the cost's time (cost 12: about 0.2-0.3 s on a
 * small server; tests use cost 4).
 */
public final class PasswordHasher {
    /** bcrypt reads at most this many bytes of a password. */
    public static final int MAX_PASSWORD_BYTES = 72;
    /** Shortest accepted password, in characters. */
    public static final int MIN_PASSWORD_CHARS = 10;
    /** The production cost (log2 of the rounds). */
    public static final int DEFAULT_COST = 12;

    private final int cost;
    private final SecureRandom random = new SecureRandom();
    private final String dummyHash;

    /**
     * @param cost bcrypt cost, 4..31
     * @throws IllegalArgumentException when the cost is out of range
     */
    public PasswordHasher(int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("bcrypt cost must be 4..31, not " + cost);
        }
        this.cost = cost;
        this.dummyHash = BCrypt.hashpw("not-a-password-of-anyone", BCrypt.gensalt(cost, random));
    }

    /**
     * @param password a password between {@value #MIN_PASSWORD_CHARS} characters and
     *                 {@value #MAX_PASSWORD_BYTES} UTF-8 bytes
     * @return its bcrypt hash ({@code $2a$...})
     * @throws IllegalArgumentException when the password is too short or too long
     */
    public String hash(String password) {
        checkAcceptable(password);
        return BCrypt.hashpw(password, BCrypt.gensalt(cost, random));
    }

    /**
     * Checks a password in about the same time whether or not the hash exists.
     *
     * @param password the typed password
     * @param hash     the stored hash, or null for an unknown user (a dummy hash is checked so the
     *                 answer takes as long)
     * @return whether it matches (always false for a null hash or an over-long password)
     */
    public boolean matches(String password, String hash) {
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return false;
        }
        if (hash == null) {
            BCrypt.checkpw(password, dummyHash);
            return false;
        }
        try {
            return BCrypt.checkpw(password, hash);
        } catch (IllegalArgumentException e) {
            return false; // not a bcrypt hash
        }
    }

    /**
     * @param password a candidate password
     * @throws IllegalArgumentException with a message saying what is wrong when it is too short or too long
     */
    public static void checkAcceptable(String password) {
        if (password.codePointCount(0, password.length()) < MIN_PASSWORD_CHARS) {
            throw new IllegalArgumentException("the password must have at least " + MIN_PASSWORD_CHARS + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException("the password must be at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8");
        }
    }
}
