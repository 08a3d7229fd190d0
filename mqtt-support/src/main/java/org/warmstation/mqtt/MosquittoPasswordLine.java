package org.warmstation.mqtt;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A line of a Mosquitto password file ({@code password_file}) as {@code mosquitto_passwd} 2.0 writes
 * it: {@code USER:$7$101$SALT$HASH}, where {@code 7} is PBKDF2-HMAC-SHA512, 101 its iteration count,
 * SALT 12 random bytes and HASH the 64-byte derived key, both Base64. Appending the line to the file
 * (then {@code systemctl reload mosquitto}) has the same effect as {@code mosquitto_passwd -b FILE USER
 * PASSWORD}, without the password on a command line. Thread-safe.
 */
public final class MosquittoPasswordLine {
    /** Iterations {@code mosquitto_passwd} uses by default. */
    static final int ITERATIONS = 101;
    private static final int SALT_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private MosquittoPasswordLine() {
    }

    /**
     * @param user     the MQTT username (no colon)
     * @param password the password
     * @return the password file line, without a line break
     * @throws IllegalArgumentException when the username contains a colon or a line break
     */
    public static String of(String user, char[] password) {
        if (user.isEmpty() || user.contains(":") || user.contains("\n")) {
            throw new IllegalArgumentException("not a Mosquitto username: '" + user + "'");
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        try {
            byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                    .generateSecret(new PBEKeySpec(password, salt, ITERATIONS, 512)).getEncoded();
            Base64.Encoder b64 = Base64.getEncoder();
            return user + ":$7$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA512 is part of every JDK", e);
        }
    }
}
