package org.warmstation.kiosk.config;

import org.warmstation.protocol.card.StaffPin;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads a station configuration file and turns its text into a checked {@link StationConfig}. */
final class StationConfigReader {
    private static final Logger LOG = LoggerFactory.getLogger(StationConfigReader.class);
    private static final long MAX_BYTES = 1 << 20;

    static final Set<String> KEYS = Set.of("station.id", "station.name", "district.id", "location.latitude",
            "location.longitude", "station.address", "station.phone", "station.hours", "station.services", "zone", "broker.url", "broker.username", "broker.password", "broker.password.file", "broker.ca.file",
            "broker.ca.pin", "broker.insecure-lab",
            "sync.heartbeat", "data.dir", "trust.file", "deny.file",
            "duplicate.window", "welcome.timeout", "staff.pin", "scanner.source", "scanner.command",
            "scanner.width", "scanner.height", "scanner.format", "scanner.folder", "scanner.device",
            "voice.enabled", "voice.volume", "voice.quietHours");

    private final Map<String, String> props;
    private final Map<String, Integer> lines;
    private final Path file;
    private final Path base;
    private final List<ConfigException.Problem> problems = new ArrayList<>();

    private StationConfigReader(Map<String, String> props, Map<String, Integer> lines, Path file) {
        this.props = props;
        this.lines = lines;
        this.file = file;
        Path parent = file.toAbsolutePath().getParent();
        this.base = parent == null ? Path.of("").toAbsolutePath() : parent;
    }

    static StationConfig read(Path file) throws ConfigException {
        String text = text(file);
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw fileProblem(file, "is not a valid properties file: " + e.getMessage(), e);
        }
        Map<String, String> props = new HashMap<>();
        p.stringPropertyNames().forEach(k -> props.put(k, p.getProperty(k)));
        return parse(props, keyLines(text), file);
    }

    static StationConfig parse(Map<String, String> props, Map<String, Integer> lines, Path file)
            throws ConfigException {
        return new StationConfigReader(props, lines, file).parse();
    }

    private StationConfig parse() throws ConfigException {
        String stationId = required("station.id", ConfigRules::stationId);
        String stationName = required("station.name", ConfigRules::stationName);
        Integer districtId = required("district.id", ConfigRules::districtId);
        Double lat = required("location.latitude", v -> ConfigRules.degrees("location.latitude", v, 90));
        Double lon = required("location.longitude", v -> ConfigRules.degrees("location.longitude", v, 180));
        String address = optional("station.address", v -> v).orElse("");
        String phone = optional("station.phone", v -> v).orElse("");
        var hours = optional("station.hours", org.warmstation.protocol.wire.OpeningHours::parse);
        var services = optional("station.services", ProfileSettings::services);
        ZoneId zone = optional("zone", StationConfigReader::zone).orElse(StationConfig.DEFAULT_ZONE);
        var broker = required("broker.url", ConfigRules::brokerUrl);
        var user = optional("broker.username", v -> v);
        var password = optional("broker.password", v -> v);
        var passwordFile = optional("broker.password.file", this::path);
        var caFile = optional("broker.ca.file", this::path);
        var caPin = optional("broker.ca.pin", v -> v.toLowerCase(java.util.Locale.ROOT));
        boolean insecureLab = optional("broker.insecure-lab", v -> ConfigRules.bool("broker.insecure-lab", v))
                .orElse(false);
        var heartbeat = optional("sync.heartbeat", v -> ConfigRules.duration("sync.heartbeat", v))
                .orElse(SyncSettings.DEFAULT_HEARTBEAT);
        Path dataDir = optional("data.dir", this::path).orElse(base.resolve("data"));
        Path trust = required("trust.file", this::path);
        var deny = optional("deny.file", this::path);
        var window = optional("duplicate.window", v -> ConfigRules.duration("duplicate.window", v))
                .orElse(StationConfig.DEFAULT_DUPLICATE_WINDOW);
        var welcome = optional("welcome.timeout", v -> ConfigRules.duration("welcome.timeout", v))
                .orElse(StationConfig.DEFAULT_WELCOME_TIMEOUT);
        var pin = optional("staff.pin", StaffPin::parse);
        var source = optional("scanner.source", v -> ConfigRules.choice("scanner.source", v,
                ScannerSettings.Source.class)).orElse(ScannerSettings.Source.CAMERA);
        var command = optional("scanner.command", v -> v);
        int width = optional("scanner.width", v -> ConfigRules.integer("scanner.width", v, 16, 4096))
                .orElse(ScannerSettings.DEFAULT_WIDTH);
        int height = optional("scanner.height", v -> ConfigRules.integer("scanner.height", v, 16, 4096))
                .orElse(ScannerSettings.DEFAULT_HEIGHT);
        var format = optional("scanner.format", v -> ConfigRules.choice("scanner.format", v,
                ScannerSettings.PixelFormat.class)).orElse(ScannerSettings.PixelFormat.GRAY8);
        var folder = optional("scanner.folder", this::path);
        var device = optional("scanner.device", v -> v);
        boolean voiceOn = optional("voice.enabled", v -> ConfigRules.bool("voice.enabled", v))
                .orElse(VoiceSettings.DEFAULTS.enabled());
        int volume = optional("voice.volume", v -> ConfigRules.integer("voice.volume", v, 0, 100))
                .orElse(VoiceSettings.DEFAULT_VOLUME);
        var quiet = optional("voice.quietHours", VoiceSettings::quietHours)
                .orElse(VoiceSettings.DEFAULTS.quietHours());
        Map<String, String> hardware = new TreeMap<>();
        props.forEach((k, v) -> {
            if (k.startsWith("hardware.")) {
                hardware.put(k, v.strip());
            } else if (!KEYS.contains(k)) {
                LOG.warn("{}: unknown key '{}' ignored", file, k);
            }
        });
        ConfigRules.hardwarePinProblems(hardware).forEach(e -> problem(e.key(), e.getMessage()));
        ScannerSettings scanner = null;
        SyncSettings sync = null;
        ProfileSettings profile = null;
        try {
            profile = new ProfileSettings(address, phone, hours.orElse(Map.of()),
                    services.orElse(ProfileSettings.DEFAULTS.services()));
        } catch (ConfigRules.KeyException e) {
            problem(e.key(), e.getMessage());
        }
        try {
            sync = new SyncSettings(passwordFile, password, caFile, heartbeat, caPin, insecureLab);
        } catch (ConfigRules.KeyException e) {
            problem(e.key(), e.getMessage());
        }
        if (broker != null && caFile.isPresent() && !"ssl".equalsIgnoreCase(broker.getScheme())) {
            problem("broker.ca.file", "is only used with an ssl:// broker.url");
        }
        if (broker != null && caPin.isPresent() && !"ssl".equalsIgnoreCase(broker.getScheme())) {
            problem("broker.ca.pin", "is only used with an ssl:// broker.url");
        }
        if (problems.isEmpty()) {
            try {
                scanner = new ScannerSettings(source, command, width, height, format, folder, device);
            } catch (ConfigRules.KeyException e) {
                problem(e.key(), e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(file, problems);
        }
        sync.warnings().forEach(w -> LOG.warn("{}: {}", file, w));
        return new StationConfig(stationId, stationName, districtId, lat, lon, zone, broker, user, dataDir, trust,
                deny, window, welcome, pin, scanner, hardware, sync, profile,
                new VoiceSettings(voiceOn, volume, quiet));
    }

    private <T> T required(String key, Function<String, T> parser) {
        Optional<T> v = optional(key, parser);
        if (v.isEmpty() && value(key) == null) {
            problem(key, props.containsKey(key) ? "is empty; it is required" : "is missing; it is required");
        }
        return v.orElse(null);
    }

    private <T> Optional<T> optional(String key, Function<String, T> parser) {
        String v = value(key);
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(v));
        } catch (IllegalArgumentException e) {
            problem(key, e.getMessage());
            return Optional.empty();
        }
    }

    private String value(String key) {
        String v = props.get(key);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private void problem(String key, String message) {
        problems.add(new ConfigException.Problem(key, lines.getOrDefault(key, 0), message));
    }

    private Path path(String value) {
        try {
            return base.resolve(value).normalize();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("is not a valid path (found '" + value + "')", e);
        }
    }

    private static ZoneId zone(String value) {
        try {
            return ZoneId.of(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("must be a time-zone id such as Asia/Shanghai (found '" + value + "')");
        }
    }

    private static String text(Path file) throws ConfigException {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw fileProblem(file, "is a directory, not a file", null);
            }
            if (Files.size(file) > MAX_BYTES) {
                throw fileProblem(file, "is larger than 1 MiB: not a station configuration", null);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw fileProblem(file, "does not exist (create it with 'station init')", e);
        } catch (AccessDeniedException e) {
            throw fileProblem(file, "cannot be read: permission denied", e);
        } catch (IOException e) {
            throw fileProblem(file, "cannot be read: " + e, e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw fileProblem(file, "is not UTF-8 text (corrupt or binary file?)", e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c < 0x20 && c != '\t' && c != '\r' && c != '\f') {
                throw new ConfigException(file, List.of(new ConfigException.Problem(null, line,
                        "contains binary data (control character " + (int) c + "): corrupt file?")));
            }
        }
        return text;
    }

    private static ConfigException fileProblem(Path file, String message, Throwable cause) {
        return new ConfigException(file, List.of(new ConfigException.Problem(null, 0, "the file " + message)), cause);
    }

    /**
     * Finds the line of each key, following the line rules of {@link Properties#load(java.io.Reader)}
     * (comments, blank lines, continuation lines ending in an odd number of backslashes).
     */
    static Map<String, Integer> keyLines(String text) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        String[] physical = text.split("\\r\\n|\\r|\\n", -1);
        boolean continuation = false;
        for (int i = 0; i < physical.length; i++) {
            String raw = physical[i];
            String line = raw.stripLeading();
            boolean wasContinuation = continuation;
            continuation = endsWithOddBackslashes(raw);
            if (wasContinuation) {
                continue;
            }
            if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == '!') {
                continuation = false;
                continue;
            }
            StringBuilder key = new StringBuilder();
            for (int j = 0; j < line.length(); j++) {
                char c = line.charAt(j);
                if (c == '\\' && j + 1 < line.length()) {
                    key.append(line.charAt(++j));
                } else if (c == '=' || c == ':' || c == ' ' || c == '\t' || c == '\f') {
                    break;
                } else {
                    key.append(c);
                }
            }
            lines.put(key.toString(), i + 1);
        }
        return lines;
    }

    private static boolean endsWithOddBackslashes(String s) {
        int n = 0;
        for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }
}
