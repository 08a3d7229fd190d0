package org.warmstation.kiosk.config;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The broker credential and sync keys of the station configuration. */
class SyncSettingsConfigTest {
    private static final List<String> BASE = List.of(
            "station.id=CY-0042",
            "station.name=望京驿站",
            "district.id=110105",
            "location.latitude=39.9961",
            "location.longitude=116.4700",
            "broker.url=ssl://mqtt.example.cn:8883",
            "broker.username=cy-0042",
            "trust.file=trust-list.txt");

    @TempDir
    Path dir;

    private Path file(String... extra) throws IOException {
        List<String> lines = new ArrayList<>(BASE);
        lines.addAll(List.of(extra));
        Path f = dir.resolve("station.properties");
        Files.write(f, lines, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void syncKeysAreReadWithPathsResolvedBesideTheFile() throws Exception {
        StationConfig c = StationConfig.load(file("broker.password.file=secrets/broker.pw",
                "broker.ca.file=/etc/warm-station/district-ca.pem", "sync.heartbeat=PT30S"));
        assertEquals(Optional.of(dir.resolve("secrets/broker.pw").toAbsolutePath()), c.sync().passwordFile());
        assertEquals(Optional.of(Path.of("/etc/warm-station/district-ca.pem")), c.sync().caFile());
        assertEquals(Duration.ofSeconds(30), c.sync().heartbeat());
        assertEquals(Optional.empty(), c.sync().password());
    }

    @Test
    void withoutSyncKeysTheDefaultsApply() throws Exception {
        StationConfig c = StationConfig.load(file());
        assertEquals(SyncSettings.DEFAULTS, c.sync());
        assertEquals(c.dataDir().resolve("deny-list.txt"), c.denyListFile());
        assertEquals(c.dataDir().resolve("station-settings.json"), c.settingsFile());
    }

    @Test
    void writtenSyncKeysLoadBackEqual() throws Exception {
        StationConfig c = StationConfig.load(file("broker.password.file=broker.pw",
                "broker.ca.file=ca.pem", "sync.heartbeat=PT2M"));
        Path copy = dir.resolve("copy/station.properties");
        c.write(copy);
        StationConfig back = StationConfig.load(copy);
        assertEquals(c.sync(), back.sync());
        assertEquals(c, back);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sync.heartbeat=PT0.5S | sync.heartbeat",
            "sync.heartbeat=PT2H | sync.heartbeat",
            "sync.heartbeat=often | sync.heartbeat"})
    void badSyncValueIsNamedByItsKey(String line, String key) throws Exception {
        Path f = file(line);
        ConfigException e = assertThrows(ConfigException.class, () -> StationConfig.load(f));
        assertEquals(Optional.of(key), e.key(), e.getMessage());
        assertTrue(e.getMessage().contains("line 9"), e.getMessage());
    }

    @Test
    void passwordAndPasswordFileTogetherAreRefused() throws Exception {
        Path f = file("broker.password=secret", "broker.password.file=broker.pw");
        ConfigException e = assertThrows(ConfigException.class, () -> StationConfig.load(f));
        assertEquals(Optional.of("broker.password"), e.key(), e.getMessage());
        assertTrue(!e.getMessage().contains("secret"), "the password is not echoed: " + e.getMessage());
    }

    @Test
    void caFileWithPlainTcpBrokerIsRefused() throws Exception {
        List<String> lines = new ArrayList<>(BASE.stream().filter(l -> !l.startsWith("broker.url")).toList());
        lines.add("broker.url=tcp://127.0.0.1:1883");
        lines.add("broker.ca.file=ca.pem");
        Path f = dir.resolve("plain.properties");
        Files.write(f, lines, StandardCharsets.UTF_8);
        ConfigException e = assertThrows(ConfigException.class, () -> StationConfig.load(f));
        assertEquals(Optional.of("broker.ca.file"), e.key(), e.getMessage());
    }

    @Test
    void passwordIsReadFromTheFirstLineOfItsFile() throws Exception {
        Path pw = dir.resolve("broker.pw");
        Files.writeString(pw, "s3cret-pw\nignored\n");
        Files.setPosixFilePermissions(pw, PosixFilePermissions.fromString("rw-------"));
        StationConfig c = StationConfig.load(file("broker.password.file=broker.pw"));
        List<String> warnings = new ArrayList<>();
        assertArrayEquals("s3cret-pw".toCharArray(), c.sync().readPassword(warnings::add).orElseThrow());
        assertEquals(List.of(), warnings);
    }

    @Test
    void readablePasswordFileIsUsedWithAWarning() throws Exception {
        Path pw = dir.resolve("broker.pw");
        Files.writeString(pw, "s3cret-pw\n");
        Files.setPosixFilePermissions(pw, PosixFilePermissions.fromString("rw-r--r--"));
        StationConfig c = StationConfig.load(file("broker.password.file=broker.pw"));
        List<String> warnings = new ArrayList<>();
        assertArrayEquals("s3cret-pw".toCharArray(), c.sync().readPassword(warnings::add).orElseThrow());
        assertEquals(1, warnings.size());
        assertTrue(warnings.getFirst().contains("chmod 600"), warnings.getFirst());
    }

    @Test
    void missingOrEmptyPasswordFileNamesTheKey() throws Exception {
        StationConfig missing = StationConfig.load(file("broker.password.file=nowhere.pw"));
        IOException e = assertThrows(IOException.class, () -> missing.sync().readPassword(w -> { }));
        assertTrue(e.getMessage().startsWith("broker.password.file"), e.getMessage());
        Files.writeString(dir.resolve("empty.pw"), "\n");
        StationConfig empty = StationConfig.load(file("broker.password.file=empty.pw"));
        IOException e2 = assertThrows(IOException.class, () -> empty.sync().readPassword(w -> { }));
        assertTrue(e2.getMessage().contains("empty"), e2.getMessage());
    }

    @Test
    void oldConfigWithInlinePasswordStillWorksButWarns() throws Exception {
        StationConfig c = StationConfig.load(file("broker.password=inline-pw"));
        assertArrayEquals("inline-pw".toCharArray(), c.sync().readPassword(w -> { }).orElseThrow());
        assertEquals(1, c.sync().warnings().size());
        assertTrue(c.sync().warnings().getFirst().contains("broker.password.file"), c.sync().warnings().getFirst());
        assertFalse(c.sync().warnings().getFirst().contains("inline-pw"), "the password is not echoed");
        assertEquals(List.of(), StationConfig.load(file("broker.password.file=broker.pw")).sync().warnings());
    }

    @Test
    void rewritingAnInlinePasswordConfigMovesThePasswordIntoAnOwnerOnlyFile() throws Exception {
        Path f = file("broker.password=inline-pw");
        StationConfig.load(f).write(f);

        String text = Files.readString(f, StandardCharsets.UTF_8);
        assertFalse(text.contains("inline-pw"), text);
        Path pw = dir.resolve("broker.password");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(pw)));
        assertEquals("inline-pw\n", Files.readString(pw, StandardCharsets.UTF_8));
        StationConfig moved = StationConfig.load(f);
        assertEquals(Optional.of(pw), moved.sync().passwordFile());
        assertEquals(Optional.empty(), moved.sync().password());
        assertArrayEquals("inline-pw".toCharArray(), moved.sync().readPassword(w -> { }).orElseThrow());
    }
}
