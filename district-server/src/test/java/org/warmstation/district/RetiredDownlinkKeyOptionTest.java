package org.warmstation.district;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.protocol.card.DistrictKey;
import picocli.CommandLine;

/** {@code district-server run --retired-district-key} refuses bad key files with a clear message before starting. */
class RetiredDownlinkKeyOptionTest {
    @TempDir
    Path dir;

    private String[] run(String... args) {
        CommandLine cl = DistrictServerCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), err.toString()};
    }

    private Path key(String name, int district) throws Exception {
        return Files.writeString(dir.resolve(name), DistrictKey.generate(district).toPem());
    }

    @Test
    void retiredKeyWithoutTheNewKeyIsRefused() throws Exception {
        String[] r = run("run", "--district", "110105", "--http", "off", "--retired-district-key",
                key("old.pem", 110105).toString());
        assertEquals("1", r[0], r[1]);
        assertTrue(r[1].contains("--retired-district-key needs --district-key"), r[1]);
    }

    @Test
    void retiredKeyOfAnotherDistrictIsRefused() throws Exception {
        Path other = key("other.pem", 110108);
        String[] r = run("run", "--district", "110105", "--http", "off", "--district-key",
                key("new.pem", 110105).toString(), "--retired-district-key", other.toString());
        assertEquals("1", r[0], r[1]);
        assertTrue(r[1].contains("the key in " + other + " is of district 110108, not 110105"), r[1]);
    }
}
