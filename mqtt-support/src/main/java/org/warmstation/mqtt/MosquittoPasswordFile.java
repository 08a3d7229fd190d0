package org.warmstation.mqtt;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A Mosquitto {@code password_file} that a program keeps (decision 0182): {@link #put} sets one
 * user's password, {@link #remove} deletes a user, every other line (e.g. the district-server
 * instances' lines made with {@code mosquitto_passwd}) is kept as it is. Each change rewrites the
 * file atomically (temporary file in the same directory, fsync, rename), keeping the file's mode
 * (mode rw-r----- for a new file), under an exclusive lock on {@code FILE.lock}, so two processes
 * (the running district server and a {@code district-server enrollment register}) never lose each
 * other's lines. Mosquitto reads the file only at start and on SIGHUP: call the reload after a
 * change. Plain passwords are never written: each line holds the PBKDF2-SHA512 hash
 * ({@link MosquittoPasswordLine}). Thread-safe across processes; blocks on file I/O.
 */
public final class MosquittoPasswordFile {
    private static final Set<PosixFilePermission> NEW_MODE = Set.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ);
    private final Path file;

    /** @param file the password file (created on the first change if missing) */
    public MosquittoPasswordFile(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
    }

    /** @return the file */
    public Path file() {
        return file;
    }

    /**
     * Sets a user's password, replacing any line of that user.
     *
     * @param user     the MQTT username (no colon, no line break)
     * @param password the plain password; only its hash is written
     * @throws IOException when the file cannot be read or written
     * @throws IllegalArgumentException when the username is not valid in the file
     */
    public void put(String user, char[] password) throws IOException {
        String line = MosquittoPasswordLine.of(user, password);
        change(user, line);
    }

    /**
     * Sets a user's password from a hash line made elsewhere ({@link MosquittoPasswordLine#of}).
     *
     * @param hashLine a whole line {@code USER:$7$...}
     * @throws IOException when the file cannot be read or written
     * @throws IllegalArgumentException when the line is not a {@code USER:$7$} line
     */
    public void putLine(String hashLine) throws IOException {
        int colon = hashLine.indexOf(':');
        if (colon < 1 || !hashLine.startsWith("$7$", colon + 1) || hashLine.contains("\n")) {
            throw new IllegalArgumentException("not a Mosquitto password line (USER:$7$...)");
        }
        change(hashLine.substring(0, colon), hashLine);
    }

    /**
     * Deletes a user's line, if any.
     *
     * @param user the MQTT username
     * @throws IOException when the file cannot be read or written
     */
    public void remove(String user) throws IOException {
        change(user, null);
    }

    /**
     * @param user a username
     * @return whether the file has a line of that user
     * @throws IOException when the file cannot be read
     */
    public boolean contains(String user) throws IOException {
        return Files.exists(file) && Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .anyMatch(l -> l.startsWith(user + ":"));
    }

    private void change(String user, String newLine) throws IOException {
        Files.createDirectories(file.getParent());
        Path lock = file.resolveSibling(file.getFileName() + ".lock");
        try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             var held = ch.lock()) {
            List<String> lines = new ArrayList<>();
            if (Files.exists(file)) {
                for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!l.startsWith(user + ":")) {
                        lines.add(l);
                    }
                }
            }
            if (newLine != null) {
                lines.add(newLine);
            }
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, Files.exists(file) ? Files.getPosixFilePermissions(file) : NEW_MODE);
                try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    out.write(java.nio.ByteBuffer.wrap((String.join("\n", lines) + (lines.isEmpty() ? "" : "\n"))
                            .getBytes(StandardCharsets.UTF_8)));
                    out.force(true);
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
