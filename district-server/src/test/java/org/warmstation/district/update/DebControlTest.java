package org.warmstation.district.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.district.testing.TestDebs;

/** A published file's control fields are read from the package itself (decision 0255). */
class DebControlTest {
    @TempDir
    Path dir;

    @Test
    void readsPackageVersionAndArchitectureWhateverTheControlCompression() throws IOException {
        String control = "Package: warm-station-terminal\nVersion: 1:0.3.0~rc1\nDescription: two\n lines\nArchitecture: arm64\n";
        for (String member : new String[] {"control.tar", "control.tar.gz", "control.tar.xz"}) {
            Path deb = TestDebs.withControl(dir.resolve(member + ".deb"), control, member, "x");
            assertEquals(new DebControl("warm-station-terminal", "1:0.3.0~rc1", "arm64"), DebControl.read(deb), member);
        }
    }

    @Test
    void refusesWhatIsNotADebianPackageWithAClearMessage() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.deb"), "just some text, not an ar archive");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DebControl.read(text));
        assertTrue(e.getMessage().startsWith("notes.deb is not a Debian package"), e.getMessage());

        Path zstd = TestDebs.withControl(dir.resolve("z.deb"), "Package: a\nVersion: 1\nArchitecture: all\n", "control.tar.zst", "x");
        e = assertThrows(IllegalArgumentException.class, () -> DebControl.read(zstd));
        assertTrue(e.getMessage().contains("dpkg-deb -Zgzip"), e.getMessage());

        Path noArch = TestDebs.withControl(dir.resolve("n.deb"), "Package: warm-station-terminal\nVersion: 1\n", "control.tar.gz", "x");
        e = assertThrows(IllegalArgumentException.class, () -> DebControl.read(noArch));
        assertTrue(e.getMessage().endsWith("has no architecture field"), e.getMessage());

        Files.write(dir.resolve("empty.deb"), new byte[0]);
        assertThrows(IllegalArgumentException.class, () -> DebControl.read(dir.resolve("empty.deb")));
    }
}
