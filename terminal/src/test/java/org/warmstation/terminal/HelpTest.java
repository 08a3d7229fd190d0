package org.warmstation.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.warmstation.provisioning.CliRun;

class HelpTest {

    @ParameterizedTest
    @CsvSource({"district, 2", "init, 4", "card, 2", "issue, 4", "verify, 4", "station, 2"})
    void helpListsEveryCommandIndentedUnderItsGroupWithADescription(String command, int indent) {
        CliRun r = CliRun.run(StationCli.commandLine(), "help");
        assertEquals(0, r.exitCode(), r.toString());
        Pattern line = Pattern.compile("(?m)^ {" + indent + "}" + command + " +\\S.*$");
        assertTrue(line.matcher(r.out()).find(), r.out());
    }

    @Test
    void aDistrictCommandRefusingItsInputSaysWhyInOneLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path notADeb = java.nio.file.Files.writeString(dir.resolve("notes.deb"), "just text");
        java.nio.file.Path key = java.nio.file.Files.writeString(dir.resolve("update.key"),
                org.warmstation.protocol.card.DistrictKey.generate(110105).toPem());
        CliRun r = CliRun.run(StationCli.commandLine(), "district-server", "update", "publish", "--district", "110105",
                "--deb", notADeb.toString(), "--version", "0.2.0", "--update-key", key.toString(),
                "--url-base", "http://10.0.0.5:8080", "--updates-dir", dir.resolve("updates").toString(),
                "--data-dir", dir.resolve("pg").toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("station district-server update publish: notes.deb is not a Debian package"), r.err());
        assertTrue(!r.err().contains("\tat "), "no stack trace for bad input: " + r.err());
    }

    @Test
    void summaryIsTheFirstSentenceEvenWhenItRunsOverDescriptionLines() {
        var spec = picocli.CommandLine.Model.CommandSpec.create();
        spec.usageMessage().description("Run the kiosk as a demo: cards on a tray, each tap", "holds one up. PIN is 246810.");
        assertEquals("Run the kiosk as a demo: cards on a tray, each tap holds one up.", CommandListRenderer.summary(spec));
        spec.usageMessage().header("Short header.");
        assertEquals("Short header.", CommandListRenderer.summary(spec));
    }
}
