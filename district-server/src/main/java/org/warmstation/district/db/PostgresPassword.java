package org.warmstation.district.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL's superuser password and client authentication (decision 0200): a
 * generated password kept in {@code <data>.password} (mode 600), {@code scram-sha-256} for every
 * TCP and Unix-socket connection, no {@code trust} line in {@code pg_hba.conf}. Not thread-safe;
 * blocks on file I/O and, in {@link #secure}, on the database.
 */
final class PostgresPassword {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresPassword.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The whole {@code pg_hba.conf}: password (SCRAM) for local sockets and loopback TCP only. */
    static final List<String> HBA = List.of(
            "# written by district-server (decision 0200): a password for every connection, never trust",
            "# TYPE  DATABASE  USER  ADDRESS       METHOD",
            "local   all       all                 scram-sha-256",
            "host    all       all   127.0.0.1/32  scram-sha-256",
            "host    all       all   ::1/128       scram-sha-256");

    private final Path data;
    private final Path file;
    private final String text;
    private final boolean newCluster;

    private PostgresPassword(Path data, Path file, String text, boolean newCluster) {
        this.data = data;
        this.file = file;
        this.text = text;
        this.newCluster = newCluster;
    }

    /**
     * Reads the cluster's password file, or creates one with a new password when the cluster does
     * not exist yet or still trusts loopback connections.
     *
     * @param data the cluster's data directory
     * @return the password of the cluster
     * @throws IOException when the file cannot be read or written, or when the cluster requires a
     *                     password and its file is gone (the message says where it was)
     */
    static PostgresPassword of(Path data) throws IOException {
        Path file = data.resolveSibling(data.getFileName() + ".password");
        boolean newCluster = !Files.exists(data.resolve("postgresql.conf")); // as zonky decides to run initdb
        if (Files.exists(file)) {
            String text = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
            if (!text.isEmpty()) {
                return new PostgresPassword(data, file, text, newCluster);
            }
        }
        if (!newCluster && !trusts(data)) {
            throw new IOException("the embedded PostgreSQL in " + data + " requires a password, but its password file "
                    + file + " is missing or empty: restore it from a backup (or give --jdbc-url with the password)");
        }
        String text = generate();
        write(file, text);
        return new PostgresPassword(data, file, text, newCluster);
    }

    /** @return the password (base64url characters only, so it needs no escaping in a URL or SQL literal) */
    String text() {
        return text;
    }

    /** @return whether initdb will run (no cluster in the data directory yet) */
    boolean isNewCluster() {
        return newCluster;
    }

    /** @return initdb options ({@code --key=value}) that set SCRAM for all connections and the password */
    Map<String, String> initdbOptions() {
        return Map.of("auth-host", "scram-sha-256", "auth-local", "scram-sha-256", "pwfile", file.toString());
    }

    /**
     * Makes a running cluster require the password: when its {@code pg_hba.conf} still has a
     * {@code trust} line (a cluster created before decision 0200), sets the superuser's password,
     * replaces {@code pg_hba.conf} with {@link #HBA} and reloads the configuration.
     *
     * @param superuser connections as {@code postgres} to the running cluster
     * @throws IOException when the cluster cannot be changed
     */
    void secure(DataSource superuser) throws IOException {
        if (!trusts(data)) {
            return;
        }
        try (Connection c = superuser.getConnection(); Statement st = c.createStatement()) {
            st.execute("SET password_encryption = 'scram-sha-256'");
            st.execute("ALTER ROLE postgres PASSWORD '" + text + "'");
            Path hba = data.resolve("pg_hba.conf");
            Path tmp = data.resolve("pg_hba.conf.tmp");
            Files.write(tmp, HBA, StandardCharsets.UTF_8);
            Files.move(tmp, hba, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            st.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("cannot set the embedded PostgreSQL's password: " + e.getMessage(), e);
        }
        LOG.warn("the embedded PostgreSQL in {} trusted loopback connections; it now requires the password in {}",
                data, file);
    }

    /** @return whether the cluster's {@code pg_hba.conf} lets any connection in without a password */
    static boolean trusts(Path data) throws IOException {
        Path hba = data.resolve("pg_hba.conf");
        if (!Files.exists(hba)) {
            return false;
        }
        return Files.readAllLines(hba, StandardCharsets.UTF_8).stream()
                .map(l -> l.replaceFirst("#.*", "").strip())
                .filter(l -> !l.isEmpty())
                .anyMatch(l -> {
                    String[] f = l.split("\\s+");
                    return java.util.Arrays.stream(f).skip(3).anyMatch("trust"::equals);
                });
    }

    private static String generate() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            throw new IOException("another process writes " + tmp, e);
        }
        Files.writeString(tmp, text + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
