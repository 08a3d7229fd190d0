package org.warmstation.kiosk.config;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.warmstation.visitlog.secret.PasswordFile;

/**
 * The {@code broker.*} credentials and {@code sync.*} keys of a station configuration: what the
 * sync agent needs beyond {@code broker.url} and {@code broker.username} (docs/mqtt.md,
 * docs/provisioning.md). Immutable and thread-safe.
 *
 * @param passwordFile {@code broker.password.file}, a file holding the station's broker password
 *                     (first line; the file should be mode 600, readable by the kiosk's user only)
 * @param password     {@code broker.password}, the password in the configuration itself: still
 *                     read (old configurations), but loading warns to move it into a file
 *                     (decision 0201); not both
 * @param caFile       {@code broker.ca.file}, PEM file of the CA that signed the broker's
 *                     certificate; only with an {@code ssl://} broker URL (host name verified)
 * @param heartbeat    {@code sync.heartbeat}, the telemetry interval (default PT60S), 1 s to 1 h
 * @param caPin        {@code broker.ca.pin}, the SHA-256 (64 lower-case hex digits) of the one CA
 *                     certificate the station trusts for an {@code ssl://} broker; an enrollment
 *                     writes it from the code (decision 0180)
 * @param insecureLab  {@code broker.insecure-lab}, whether a {@code tcp://} broker is allowed: lab
 *                     mode, shown on the kiosk's screen (default false; the sync agent refuses
 *                     {@code tcp://} without it)
 */
public record SyncSettings(Optional<Path> passwordFile, Optional<String> password, Optional<Path> caFile,
                           Duration heartbeat, Optional<String> caPin, boolean insecureLab) {
    /** Default {@code sync.heartbeat}. */
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(60);
    /** No credentials, no CA file, the default heartbeat. */
    public static final SyncSettings DEFAULTS = new SyncSettings(Optional.empty(), Optional.empty(),
            Optional.empty(), DEFAULT_HEARTBEAT, Optional.empty(), false);

    /**
     * @throws IllegalArgumentException naming the key: both a password and a password file, a
     *                                  heartbeat outside 1 s to 1 h, or a CA pin that is not 64 hex digits
     */
    public SyncSettings {
        Objects.requireNonNull(caPin, "caPin");
        if (caPin.isPresent() && !caPin.get().matches("[0-9a-f]{64}")) {
            throw new ConfigRules.KeyException("broker.ca.pin",
                    "must be the CA certificate's SHA-256, 64 lower-case hex digits");
        }
        Objects.requireNonNull(passwordFile, "passwordFile");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(caFile, "caFile");
        Objects.requireNonNull(heartbeat, "heartbeat");
        if (passwordFile.isPresent() && password.isPresent()) {
            throw new ConfigRules.KeyException("broker.password",
                    "give either broker.password or broker.password.file, not both");
        }
        if (heartbeat.compareTo(Duration.ofSeconds(1)) < 0 || heartbeat.compareTo(Duration.ofHours(1)) > 0) {
            throw new ConfigRules.KeyException("sync.heartbeat", "must be between PT1S and PT1H (found " + heartbeat + ")");
        }
    }

    /**
     * What loading this configuration should warn about: an inline {@code broker.password} (it
     * still works, but belongs in a mode-600 file; {@code station init --force} or any rewrite of
     * the configuration moves it there).
     *
     * @return warning lines, empty when there is nothing to warn about
     */
    public java.util.List<String> warnings() {
        if (password.isEmpty()) {
            return java.util.List.of();
        }
        return java.util.List.of("broker.password holds the broker password in the configuration itself: move it to a"
                + " mode-600 file named by broker.password.file (rewriting the configuration does it; decision 0201)");
    }

    /**
     * The broker password: {@code broker.password}, or the first line of
     * {@code broker.password.file}. Blocks for the file read. A file that group or others may read
     * is used, but {@code warnings} gets a line saying so.
     *
     * @param warnings receives a warning about the file's mode, if any
     * @return the password, or empty when none is configured
     * @throws IOException naming {@code broker.password.file} when the file cannot be read or is empty
     */
    public Optional<char[]> readPassword(java.util.function.Consumer<String> warnings) throws IOException {
        if (password.isPresent()) {
            return Optional.of(password.get().toCharArray());
        }
        if (passwordFile.isEmpty()) {
            return Optional.empty();
        }
        Path file = passwordFile.get();
        char[] pw;
        try {
            pw = PasswordFile.read(file);
        } catch (IOException e) {
            throw new IOException("broker.password.file: " + e.getMessage(), e);
        }
        if (!PasswordFile.isPrivate(file)) {
            warnings.accept("broker.password.file: " + file + " may be read by other users; run 'chmod 600 "
                    + file + "'");
        }
        return Optional.of(pw);
    }

    @Override
    public String toString() {
        return "SyncSettings[passwordFile=" + passwordFile + ", password=" + (password.isPresent() ? "***" : "none")
                + ", caFile=" + caFile + ", heartbeat=" + heartbeat + ", caPin=" + caPin + ", insecureLab=" + insecureLab
                + "]";
    }
}
