package org.warmstation.kiosk.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * An enrollment the terminal has not finished (decision 0181): the scanned code's id, the
 * terminal's id for the handshake and the code's credential (the enrollment account's password),
 * kept in {@value #FILE_NAME} in the station's data directory, mode rw-------, until the district answered.
 * Then the station's own password is in {@code broker.password.file} and this file is deleted.
 *
 * @param codeId     the code's id (16 hex digits)
 * @param terminalId this terminal's id in the handshake (kept across restarts, so a lost reply can be asked again)
 * @param credential the code's credential
 */
public record PendingEnrollment(String codeId, String terminalId, String credential) {
    /** The file's name in the data directory. */
    public static final String FILE_NAME = "enrollment.pending";

    /** @throws NullPointerException when a field is null */
    public PendingEnrollment {
        Objects.requireNonNull(codeId, "codeId");
        Objects.requireNonNull(terminalId, "terminalId");
        Objects.requireNonNull(credential, "credential");
    }

    /**
     * @param codeId     the code's id
     * @param credential the code's credential
     * @return a pending enrollment with a new random terminal id
     */
    public static PendingEnrollment of(String codeId, String credential) {
        return new PendingEnrollment(codeId, UUID.randomUUID().toString(), credential);
    }

    /**
     * @param config the station configuration
     * @return where its pending enrollment is kept: {@value #FILE_NAME} in its data directory
     */
    public static Path fileFor(StationConfig config) {
        return config.dataDir().resolve(FILE_NAME);
    }

    /**
     * Writes the file atomically with mode rw-------. Blocks.
     *
     * @param file the file
     * @throws IOException when it cannot be written
     */
    public void write(Path file) throws IOException {
        writeSecret(file, "code=" + codeId + "\nterminal=" + terminalId + "\ncredential=" + credential + "\n");
    }

    /**
     * @param file the file
     * @return the pending enrollment, or empty when there is no file
     * @throws IOException when it cannot be read or lacks a field
     */
    public static Optional<PendingEnrollment> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        try {
            return Optional.of(new PendingEnrollment(p.getProperty("code"), p.getProperty("terminal"),
                    p.getProperty("credential")));
        } catch (NullPointerException e) {
            throw new IOException(file + ": incomplete pending enrollment (" + e.getMessage() + " missing)", e);
        }
    }

    /** Writes the file atomically (temporary file beside it, fsync, rename), mode rw------- from its creation on. */
    private static void writeSecret(Path file, String text) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The credential is a secret: never in logs. */
    @Override
    public String toString() {
        return "PendingEnrollment[code " + codeId + ", terminal " + terminalId + "]";
    }
}
