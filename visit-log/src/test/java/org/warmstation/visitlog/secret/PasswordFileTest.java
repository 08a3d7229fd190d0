package org.warmstation.visitlog.secret;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordFileTest {
    @TempDir
    Path dir;

    @Test
    void writtenFileIsOwnerOnlyAndHoldsThePasswordAlone() throws IOException {
        Path f = dir.resolve("etc/broker.password");
        PasswordFile.write(f, "pä55-wörd".toCharArray());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertEquals("pä55-wörd\n", Files.readString(f, StandardCharsets.UTF_8));
        assertArrayEquals("pä55-wörd".toCharArray(), PasswordFile.read(f));
        assertTrue(PasswordFile.isPrivate(f));
        try (var s = Files.list(f.getParent())) {
            assertEquals(1, s.count(), "no temporary file left behind");
        }
    }

    @Test
    void replacingKeepsModeOwnerOnlyEvenOverAReadableFile() throws IOException {
        Path f = dir.resolve("broker.password");
        Files.writeString(f, "old\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        assertFalse(PasswordFile.isPrivate(f));
        PasswordFile.write(f, "new-one".toCharArray());
        assertTrue(PasswordFile.isPrivate(f));
        assertArrayEquals("new-one".toCharArray(), PasswordFile.read(f));
    }

    @Test
    void readTakesTheFirstLineStripped() throws IOException {
        Path f = dir.resolve("pw");
        Files.writeString(f, "  secret \r\nsecond line\n");
        assertArrayEquals("secret".toCharArray(), PasswordFile.read(f));
    }

    @Test
    void readNamesTheFileWhenMissingOrEmpty() throws IOException {
        IOException missing = assertThrows(IOException.class, () -> PasswordFile.read(dir.resolve("none")));
        assertTrue(missing.getMessage().contains("none") && missing.getMessage().contains("does not exist"),
                missing.getMessage());
        Path empty = dir.resolve("empty");
        Files.writeString(empty, " \n");
        IOException e = assertThrows(IOException.class, () -> PasswordFile.read(empty));
        assertTrue(e.getMessage().endsWith("is empty"), e.getMessage());
    }

    @Test
    void writeRejectsPasswordsThatWouldNotReadBack() {
        for (String bad : new String[] {"", "two\nlines", "cr\rin", " lead", "trail "}) {
            assertThrows(IllegalArgumentException.class, () -> PasswordFile.write(dir.resolve("x"), bad.toCharArray()),
                    bad);
        }
        assertFalse(Files.exists(dir.resolve("x")));
    }
}
