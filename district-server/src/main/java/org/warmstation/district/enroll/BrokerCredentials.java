package org.warmstation.district.enroll;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import org.warmstation.mqtt.BrokerReload;
import org.warmstation.mqtt.MosquittoPasswordFile;

/**
 * The stations' broker credentials as the district provisions them itself (decision 0182): lines of
 * the broker's password file, then a reload of the broker. The ACL needs no per-station line: the
 * shipped {@code warmstation.acl} grants every station and every enrollment account its own topics
 * by {@code %u} patterns. Thread-safe (the file is changed under a file lock); blocks on file I/O and
 * the reload.
 */
public final class BrokerCredentials {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final MosquittoPasswordFile file;
    private final BrokerReload reload;

    /**
     * @param file   the broker's password file
     * @param reload how the broker is made to re-read it
     */
    public BrokerCredentials(MosquittoPasswordFile file, BrokerReload reload) {
        this.file = Objects.requireNonNull(file, "file");
        this.reload = Objects.requireNonNull(reload, "reload");
    }

    /** @return the password file */
    public MosquittoPasswordFile file() {
        return file;
    }

    /**
     * Gives a user a new random password, in force once this returns.
     *
     * @param user the MQTT username (a station id)
     * @return the new password: 24 characters of the Base64url alphabet (144 bits)
     * @throws IOException when the file cannot be written or the broker not reloaded
     */
    public String renew(String user) throws IOException {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        file.put(user, password.toCharArray());
        reload.reload();
        return password;
    }

    /**
     * Puts a hashed password line (an enrollment account's) and reloads.
     *
     * @param line {@code USER:$7$...}
     * @throws IOException when the file cannot be written or the broker not reloaded
     */
    public void putLine(String line) throws IOException {
        file.putLine(line);
        reload.reload();
    }

    /**
     * Removes a user and reloads.
     *
     * @param user the username
     * @throws IOException when the file cannot be written or the broker not reloaded
     */
    public void remove(String user) throws IOException {
        file.remove(user);
        reload.reload();
    }
}
