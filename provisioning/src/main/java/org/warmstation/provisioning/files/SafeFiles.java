package org.warmstation.provisioning.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** File writes that never leave half a file: temporary file, force to disk, atomic move. Blocking. */
public final class SafeFiles {
    /** rw------- : the only mode a private key file ever has. */
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SafeFiles() {
    }

    /** Writes the content of a file through an output stream. */
    @FunctionalInterface
    public interface Content {
        /**
         * @param out the stream to write the whole content to; not to be closed
         * @throws IOException when writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /** rw-r--r-- : mode of new public files (trust lists, card images, print sheets). */
    public static final Set<PosixFilePermission> PUBLIC = PosixFilePermissions.fromString("rw-r--r--");

    /**
     * Replaces (or creates) a file atomically. A replaced file keeps its mode; a new file gets
     * {@link #PUBLIC} (on POSIX file systems).
     *
     * @param target  the file; its directory must exist
     * @param content writes the content
     * @throws IOException when the directory is not writable, the disk is full, ...
     */
    public static void replace(Path target, Content content) throws IOException {
        Path abs = target.toAbsolutePath();
        Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
        try {
            if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp, Files.exists(abs) ? Files.getPosixFilePermissions(abs) : PUBLIC);
            }
            write(tmp, content);
            move(tmp, abs);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Replaces (or creates) a UTF-8 text file atomically.
     *
     * @param target the file
     * @param text   the content
     * @throws IOException when writing fails
     */
    public static void replaceText(Path target, String text) throws IOException {
        replace(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Creates a new private file with mode rw------- from its first byte (the mode is given at
     * creation, so the content is never readable by others, whatever the umask), never replacing
     * an existing file.
     *
     * @param target the file to create
     * @param text   UTF-8 content
     * @throws FileAlreadyExistsException when the file exists
     * @throws IOException                when the file system has no POSIX permissions or writing fails
     */
    public static void createPrivate(Path target, String text) throws IOException {
        FileAttribute<Set<PosixFilePermission>> mode = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
        Path abs = target.toAbsolutePath();
        Path tmp = abs.resolveSibling("." + abs.getFileName() + ".new");
        Files.deleteIfExists(tmp);
        try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), mode)) {
            OutputStream out = Channels.newOutputStream(ch);
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
            ch.force(true);
        } catch (UnsupportedOperationException e) {
            throw new IOException("the file system of " + abs.getParent() + " has no POSIX permissions;"
                    + " a private key needs one (mode 600)", e);
        }
        try {
            // a hard link fails if the target exists, so an existing key is never replaced
            Files.createLink(abs, tmp);
        } catch (UnsupportedOperationException e) {
            if (Files.exists(abs)) {
                throw new FileAlreadyExistsException(abs.toString());
            }
            Files.move(tmp, abs);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Renames a file, never replacing an existing one.
     *
     * @param from existing file
     * @param to   new name; must not exist
     * @throws FileAlreadyExistsException when {@code to} exists
     * @throws IOException                when the move fails
     */
    public static void renameNoReplace(Path from, Path to) throws IOException {
        Files.createLink(to, from);
        Files.delete(from);
    }

    private static void write(Path tmp, Content content) throws IOException {
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = Channels.newOutputStream(ch);
            content.writeTo(out);
            out.flush();
            ch.force(true);
        }
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
