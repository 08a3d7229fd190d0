package org.warmstation.visitlog.secret;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;

/**
 * The station's broker password file (decision 0201): the password only, UTF-8, one line ending in
 * {@code \n}, mode 600 (rw-------). The enrollment writes it, the district replaces it on the first
 * connect, the sync agent reads it at every connect attempt. Stateless and thread-safe; every method
 * blocks on file I/O.
 */
public final class PasswordFile {
    /** The file's usual name beside the station configuration. */
    public static final String DEFAULT_NAME = "broker.password";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final long MAX_BYTES = 4096;

    private PasswordFile() {
    }

    /**
     * Writes the password atomically: a temporary file created rw------- in the same directory,
     * forced to disk, then renamed over {@code file}. Parent directories are created.
     *
     * @param file     the password file
     * @param password the password; not empty, no line break, no white space at either end
     * @throws IllegalArgumentException when the password breaks one of those rules
     * @throws IOException              when the file cannot be written
     */
    public static void write(Path file, char[] password) throws IOException {
        check(password);
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        boolean posix = Files.getFileStore(dir).supportsFileAttributeView("posix");
        FileAttribute<?>[] attrs = posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp", attrs);
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(bytes);
                ch.write(ByteBuffer.wrap(new byte[] {'\n'}));
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Arrays.fill(bytes.array(), (byte) 0);
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * @param file the password file
     * @return its first line without surrounding white space
     * @throws IOException naming the file when it is missing, unreadable, larger than 4 KiB or empty
     */
    public static char[] read(Path file) throws IOException {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IOException(file + " is larger than 4 KiB: not a password file");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException(file + " does not exist", e);
        }
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
        Arrays.fill(bytes, (byte) 0);
        int end = 0;
        while (end < chars.limit() && chars.get(end) != '\n' && chars.get(end) != '\r') {
            end++;
        }
        int start = 0;
        while (start < end && Character.isWhitespace(chars.get(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(chars.get(end - 1))) {
            end--;
        }
        char[] password = new char[end - start];
        chars.get(start, password);
        Arrays.fill(chars.array(), '\0');
        if (password.length == 0) {
            throw new IOException(file + " is empty");
        }
        return password;
    }

    /**
     * @param file the password file
     * @return true when neither group nor others may read or write it (true too where the file
     *         system has no POSIX modes)
     * @throws IOException when the file's mode cannot be read
     */
    public static boolean isPrivate(Path file) throws IOException {
        if (!Files.getFileStore(file).supportsFileAttributeView("posix")) {
            return true;
        }
        return Files.getPosixFilePermissions(file).stream()
                .noneMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"));
    }

    private static void check(char[] password) {
        if (password == null || password.length == 0) {
            throw new IllegalArgumentException("the broker password is empty");
        }
        if (Character.isWhitespace(password[0]) || Character.isWhitespace(password[password.length - 1])) {
            throw new IllegalArgumentException("the broker password must not begin or end with white space");
        }
        for (char c : password) {
            if (c == '\n' || c == '\r') {
                throw new IllegalArgumentException("the broker password must be one line (no line break)");
            }
        }
    }
}
