package org.warmstation.kiosk.config;

import org.warmstation.protocol.card.StaffPin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class StationConfigTest {
    private static final List<String> GOOD = List.of(
            "# a station in Chaoyang",
            "station.id=CY-0042",
            "station.name=朝阳区望京街道暖心驿站",
            "district.id=110105",
            "location.latitude=39.9961",
            "location.longitude=116.4700",
            "broker.url=ssl://mqtt.example.cn:8883",
            "broker.username=cy-0042",
            "trust.file=trust-list.txt",
            "deny.file=/etc/warm-station/deny-list.txt",
            "duplicate.window=PT15M",
            "scanner.source=folder",
            "scanner.folder=inbox",
            "scanner.format=YUV420",
            "hardware.relay.pin=17",
            "hardware.led.pin=27",
            "hardware.led.active=low");

    @TempDir
    Path dir;

    private Path file(List<String> lines) throws IOException {
        Path f = dir.resolve("station.properties");
        Files.write(f, lines, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void loadReadsEveryKeyAndAppliesDefaults() throws Exception {
        StationConfig c = StationConfig.load(file(GOOD));
        assertEquals("CY-0042", c.stationId());
        assertEquals("朝阳区望京街道暖心驿站", c.stationName());
        assertEquals(110105, c.districtId());
        assertEquals(39.9961, c.latitude(), 1e-9);
        assertEquals(116.47, c.longitude(), 1e-9);
        assertEquals(ZoneId.of("Asia/Shanghai"), c.zone());
        assertEquals(URI.create("ssl://mqtt.example.cn:8883"), c.brokerUrl());
        assertEquals(Optional.of("cy-0042"), c.brokerUsername());
        assertEquals(dir.resolve("trust-list.txt").toAbsolutePath(), c.trustFile());
        assertEquals(dir.resolve("data").toAbsolutePath(), c.dataDir());
        assertEquals(Optional.of(Path.of("/etc/warm-station/deny-list.txt")), c.denyFile());
        assertEquals(Duration.ofMinutes(15), c.duplicateWindow());
        assertEquals(Duration.ofSeconds(20), c.welcomeTimeout());
        assertEquals(Optional.empty(), c.staffPin());
        assertEquals(ScannerSettings.Source.FOLDER, c.scanner().source());
        assertEquals(Optional.of(dir.resolve("inbox").toAbsolutePath()), c.scanner().folder());
        assertEquals(ScannerSettings.PixelFormat.YUV420, c.scanner().format());
        assertEquals(640, c.scanner().width());
        assertEquals(Map.of("hardware.relay.pin", "17", "hardware.led.pin", "27", "hardware.led.active", "low"),
                c.hardware());
    }

    @Test
    void writtenFileLoadsBackEqualAndKeepsChineseReadable() throws Exception {
        StationConfig c = StationConfig.load(file(GOOD));
        StationConfig changed = new StationConfig(c.stationId(), "望京=驿站: #1 \\ 东!", c.districtId(), c.latitude(),
                c.longitude(), c.zone(), c.brokerUrl(), c.brokerUsername(), c.dataDir(), c.trustFile(), c.denyFile(),
                c.duplicateWindow(), c.welcomeTimeout(), Optional.of(StaffPin.hash("246810".toCharArray())),
                c.scanner(), c.hardware());
        Path out = dir.resolve("sub/written.properties");
        changed.write(out);
        assertEquals(changed, StationConfig.load(out));
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(text.contains("望京"), text);
        assertFalse(text.contains("246810"), "the plain PIN must never be written");
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertEquals(List.of(out), files.toList(), "no temporary file may be left behind");
        }
    }

    @Test
    void voicePromptsAreOnAt80PercentQuietAtNightUnlessConfigured() throws Exception {
        assertEquals(VoiceSettings.DEFAULTS, StationConfig.load(file(GOOD)).voice());
        List<String> lines = new java.util.ArrayList<>(GOOD);
        lines.addAll(List.of("voice.enabled=false", "voice.volume=35", "voice.quietHours=12:00-13:30, 21:00-06:30"));
        StationConfig c = StationConfig.load(file(lines));
        assertEquals(new VoiceSettings(false, 35, Optional.of(org.warmstation.devices.peripherals.TimeWindow
                .parse("12:00-13:30,21:00-06:30"))), c.voice());
        Path out = dir.resolve("voice.properties");
        c.write(out);
        assertEquals(c.voice(), StationConfig.load(out).voice(), "written and read back");
        lines.set(lines.size() - 1, "voice.quietHours=none");
        assertEquals(Optional.empty(), StationConfig.load(file(lines)).voice().quietHours());
    }

    @Test
    void writeReplacesAnExistingFile() throws Exception {
        StationConfig c = StationConfig.load(file(GOOD));
        Path out = dir.resolve("station.properties");
        StationConfig renamed = new StationConfig("CY-0043", c.stationName(), c.districtId(), c.latitude(),
                c.longitude(), c.zone(), c.brokerUrl(), c.brokerUsername(), c.dataDir(), c.trustFile(), c.denyFile(),
                c.duplicateWindow(), c.welcomeTimeout(), c.staffPin(), c.scanner(), c.hardware());
        renamed.write(out);
        assertEquals("CY-0043", StationConfig.load(out).stationId());
    }

    @Test
    void newFileIsOwnerOnlyAndAReplacedFileKeepsItsMode() throws Exception {
        StationConfig c = StationConfig.load(file(GOOD));
        Path fresh = dir.resolve("fresh.properties");
        c.write(fresh);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
        Files.setPosixFilePermissions(fresh, PosixFilePermissions.fromString("rw-r-----"));
        c.write(fresh);
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
    }

    static Stream<String> requiredKeys() {
        return Stream.of("station.id", "station.name", "district.id", "location.latitude", "location.longitude",
                "broker.url", "trust.file");
    }

    @ParameterizedTest
    @MethodSource("requiredKeys")
    void missingRequiredKeyIsNamedWithTheFile(String key) throws Exception {
        List<String> lines = GOOD.stream().filter(l -> !l.startsWith(key + "=")).toList();
        Path f = file(lines);
        ConfigException e = assertThrows(ConfigException.class, () -> StationConfig.load(f));
        assertTrue(e.getMessage().contains("'" + key + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
        assertEquals(Optional.of(key), e.key());
    }

    static Stream<Arguments> malformedValues() {
        return Stream.of(
                Arguments.of("station.id", "cy 42"),
                Arguments.of("station.id", "CY/0042"),
                Arguments.of("station.name", ""),
                Arguments.of("district.id", "11010"),
                Arguments.of("district.id", "1101050"),
                Arguments.of("district.id", "abcdef"),
                Arguments.of("location.latitude", "90.5"),
                Arguments.of("location.latitude", "north"),
                Arguments.of("location.longitude", "-180.01"),
                Arguments.of("location.longitude", "NaN"),
                Arguments.of("zone", "Beijing"),
                Arguments.of("broker.url", "http://mqtt.example.cn"),
                Arguments.of("broker.url", "mqtt.example.cn:1883"),
                Arguments.of("broker.url", "ssl://cy:secret@mqtt.example.cn:8883"),
                Arguments.of("duplicate.window", "10 minutes"),
                Arguments.of("duplicate.window", "PT0S"),
                Arguments.of("welcome.timeout", "-PT5S"),
                Arguments.of("staff.pin", "1234"),
                Arguments.of("scanner.source", "webcam"),
                Arguments.of("scanner.width", "0"),
                Arguments.of("scanner.height", "tall"),
                Arguments.of("scanner.format", "RGB24"),
                Arguments.of("hardware.relay.pin", "28"),
                Arguments.of("hardware.relay.pin", "GPIO17"),
                Arguments.of("voice.enabled", "yes"),
                Arguments.of("voice.volume", "101"),
                Arguments.of("voice.volume", "loud"),
                Arguments.of("voice.quietHours", "22:00"),
                Arguments.of("voice.quietHours", "22:00-22:00"));
    }

    @ParameterizedTest
    @MethodSource("malformedValues")
    void malformedValueIsNamedWithKeyFileAndLine(String key, String value) throws Exception {
        List<String> lines = new java.util.ArrayList<>(GOOD.stream().filter(l -> !l.startsWith(key + "=")).toList());
        lines.add(3, key + "=" + value);
        Path f = file(lines);
        ConfigException e = assertThrows(ConfigException.class, () -> StationConfig.load(f));
        String m = e.getMessage();
        assertTrue(m.contains("'" + key + "'"), m);
        assertTrue(m.contains(f.toString()), m);
        assertTrue(m.contains("line 4"), m);
        assertEquals(1, e.problems().size(), m);
    }

    @Test
    void plainPinIsRejectedWithoutEchoingIt() throws Exception {
        List<String> lines = new java.util.ArrayList<>(GOOD);
        lines.add("staff.pin=975310");
        ConfigException e = assertThrows(ConfigException.class, () -> StationConfig.load(file(lines)));
        assertFalse(e.getMessage().contains("975310"), e.getMessage());
    }

    @Test
    void pinUsedTwiceNamesBothKeys() throws Exception {
        List<String> lines = new java.util.ArrayList<>(GOOD);
        lines.add("hardware.buzzer.pin=17");
        ConfigException e = assertThrows(ConfigException.class, () -> StationConfig.load(file(lines)));
        assertTrue(e.getMessage().contains("hardware.buzzer.pin"), e.getMessage());
        assertTrue(e.getMessage().contains("hardware.relay.pin"), e.getMessage());
    }

    @Test
    void folderSourceWithoutFolderNamesTheFolderKey() throws Exception {
        List<String> lines = GOOD.stream().filter(l -> !l.startsWith("scanner.folder=")).toList();
        ConfigException e = assertThrows(ConfigException.class, () -> StationConfig.load(file(lines)));
        assertEquals(Optional.of("scanner.folder"), e.key());
    }

    @Test
    void everyProblemOfAFileIsReported() throws Exception {
        List<String> lines = GOOD.stream()
                .map(l -> l.startsWith("district.id=") ? "district.id=BJ" : l)
                .map(l -> l.startsWith("location.latitude=") ? "location.latitude=99" : l)
                .toList();
        ConfigException e = assertThrows(ConfigException.class, () -> StationConfig.load(file(lines)));
        assertEquals(List.of("district.id", "location.latitude"),
                e.problems().stream().map(ConfigException.Problem::key).toList());
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 42L, 20261121L})
    void binaryGarbageGivesConfigExceptionNotACrash(long seed) throws Exception {
        byte[] garbage = new byte[4096];
        new Random(seed).nextBytes(garbage);
        Path f = dir.resolve("station.properties");
        Files.write(f, garbage);
        ConfigException e = assertThrows(ConfigException.class, () -> StationConfig.load(f));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
    }

    @Test
    void controlCharactersInUtf8TextAreCalledCorrupt() throws Exception {
        Path f = dir.resolve("station.properties");
        Files.write(f, "station.id=CY-0042\nstation.name=\u0000\u0001\u0002\n".getBytes(StandardCharsets.UTF_8));
        ConfigException e = assertThrows(ConfigException.class, () -> StationConfig.load(f));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void missingFileIsNamed() {
        Path f = dir.resolve("nowhere.properties");
        ConfigException e = assertThrows(ConfigException.class, () -> StationConfig.load(f));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void malformedUnicodeEscapeIsAConfigException() throws Exception {
        List<String> lines = new java.util.ArrayList<>(GOOD);
        lines.add("station.name=\\uZZZZ");
        assertThrows(ConfigException.class, () -> StationConfig.load(file(lines)));
    }

    @Test
    void constructorRejectsOutOfRangeLatitudeNamingTheKey() throws Exception {
        StationConfig c = StationConfig.load(file(GOOD));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new StationConfig(
                c.stationId(), c.stationName(), c.districtId(), 91.0, c.longitude(), c.zone(), c.brokerUrl(),
                c.brokerUsername(), c.dataDir(), c.trustFile(), c.denyFile(), c.duplicateWindow(),
                c.welcomeTimeout(), c.staffPin(), c.scanner(), c.hardware()));
        assertTrue(e.getMessage().startsWith("location.latitude"), e.getMessage());
    }

    @Test
    void keyLinesFollowContinuationLines() {
        Map<String, Integer> lines = StationConfigReader.keyLines("# c\nstation.name=a\\\n  b\nstation.id = X\n");
        assertEquals(Map.of("station.name", 2, "station.id", 4), lines);
    }
}
