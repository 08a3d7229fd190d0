package org.warmstation.kiosk.config;

import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.warmstation.visitlog.secret.PasswordFile;

/** Writes a {@link StationConfig} as a commented UTF-8 properties file, atomically. */
final class StationConfigWriter {

    private StationConfigWriter() {
    }

    /** Comment lines written above a key; keys without an entry get none. */
    private static final Map<String, String> COMMENTS = Map.ofEntries(
            Map.entry("station.id", "Station: id as in the district register (letters-digits), name shown on screen"),
            Map.entry("district.id", "District: 6-digit administrative division code; only its cards are accepted"),
            Map.entry("location.latitude", "Location in decimal degrees (WGS-84)"),
            Map.entry("station.address", "What the district's console and public station finder show: address, phone,"
                    + "\n# opening hours (e.g. MON-FRI 08:00-20:00; SAT,SUN 09:00-17:00; none = not published),"
                    + "\n# services offered (comma-separated)"),
            Map.entry("zone", "Time zone of the station's calendar"),
            Map.entry("broker.url", "MQTT broker of the district office: ssl://host:8883, trusting only the CA of"
                    + " broker.ca.pin\n# (or broker.ca.file); tcp:// only with broker.insecure-lab=true (a lab, shown on screen);"
                    + "\n# the station's broker password is in broker.password.file (mode 600), never here"),
            Map.entry("data.dir", "Files: visit log and outbox; trust list of district keys; optional deny-list"),
            Map.entry("duplicate.window", "Timing (ISO-8601 durations): repeated scans of a card within the window"
                    + " are one visit;\n# the welcome screen closes after welcome.timeout"),
            Map.entry("staff.pin", "Staff PIN, stored only as a salted PBKDF2 hash; set it with 'station init --pin'"),
            Map.entry("voice.enabled", "Spoken prompts: on (true) or off, volume 0-100 %, quiet hours (HH:mm-HH:mm,... or none)"),
            Map.entry("scanner.source", "Card scanner: camera | folder | wedge | serial | none;"
                    + " frame size and format GRAY8 | YUV420 for the camera"));

    static Map<String, String> properties(StationConfig c) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("station.id", c.stationId());
        p.put("station.name", c.stationName());
        p.put("district.id", Integer.toString(c.districtId()));
        p.put("location.latitude", Double.toString(c.latitude()));
        p.put("location.longitude", Double.toString(c.longitude()));
        p.put("station.address", c.profile().address());
        p.put("station.phone", c.profile().phone());
        p.put("station.hours", org.warmstation.protocol.wire.OpeningHours.format(c.profile().openingHours()));
        p.put("station.services", String.join(",", c.profile().serviceNames()));
        p.put("zone", c.zone().getId());
        p.put("broker.url", c.brokerUrl().toString());
        c.brokerUsername().ifPresent(u -> p.put("broker.username", u));
        c.sync().passwordFile().ifPresent(f -> p.put("broker.password.file", f.toString()));
        c.sync().password().ifPresent(pw -> p.put("broker.password", pw));
        c.sync().caFile().ifPresent(f -> p.put("broker.ca.file", f.toString()));
        c.sync().caPin().ifPresent(pin -> p.put("broker.ca.pin", pin));
        if (c.sync().insecureLab()) {
            p.put("broker.insecure-lab", "true");
        }
        if (!c.sync().heartbeat().equals(SyncSettings.DEFAULT_HEARTBEAT)) {
            p.put("sync.heartbeat", c.sync().heartbeat().toString());
        }
        p.put("data.dir", c.dataDir().toString());
        p.put("trust.file", c.trustFile().toString());
        c.denyFile().ifPresent(d -> p.put("deny.file", d.toString()));
        p.put("duplicate.window", c.duplicateWindow().toString());
        p.put("welcome.timeout", c.welcomeTimeout().toString());
        c.staffPin().ifPresent(pin -> p.put("staff.pin", pin.encoded()));
        ScannerSettings s = c.scanner();
        p.put("scanner.source", s.source().key());
        s.command().ifPresent(cmd -> p.put("scanner.command", cmd));
        p.put("scanner.width", Integer.toString(s.width()));
        p.put("scanner.height", Integer.toString(s.height()));
        p.put("scanner.format", s.format().name());
        s.folder().ifPresent(f -> p.put("scanner.folder", f.toString()));
        s.device().ifPresent(d -> p.put("scanner.device", d));
        VoiceSettings voice = c.voice();
        if (!voice.equals(VoiceSettings.DEFAULTS)) {
            p.put("voice.enabled", Boolean.toString(voice.enabled()));
            p.put("voice.volume", Integer.toString(voice.volumePercent()));
            p.put("voice.quietHours", voice.quietHoursText());
        }
        p.putAll(c.hardware());
        return p;
    }

    static String text(StationConfig c) {
        return text(properties(c));
    }

    private static String text(Map<String, String> properties) {
        StringBuilder sb = new StringBuilder("# Warm-station terminal configuration (UTF-8). Keys: docs/provisioning.md\n");
        boolean hardwareHeader = false;
        for (var e : properties.entrySet()) {
            String comment = COMMENTS.get(e.getKey());
            if (comment == null && e.getKey().startsWith("hardware.") && !hardwareHeader) {
                comment = "Hardware (BCM GPIO numbers 0-27, each pin used once)";
                hardwareHeader = true;
            }
            if (comment != null) {
                sb.append('\n').append("# ").append(comment).append('\n');
            }
            sb.append(escape(e.getKey(), true)).append('=').append(escape(e.getValue(), false)).append('\n');
        }
        return sb.toString();
    }

    static void write(StationConfig c, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Map<String, String> properties = properties(c);
        if (c.sync().password().isPresent()) {
            properties = passwordMovedToFile(properties, dir.resolve(PasswordFile.DEFAULT_NAME));
        }
        // a new temporary file is rw------- (the PIN hash of a short PIN is guessable offline);
        // a replaced file keeps the mode it had
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            if (Files.exists(target) && Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                 Writer w = Channels.newWriter(ch, StandardCharsets.UTF_8)) {
                w.write(text(properties));
                w.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Writes an inline {@code broker.password} into a mode-600 password file and names that file
     * instead (decision 0201): the configuration written never holds the password.
     */
    private static Map<String, String> passwordMovedToFile(Map<String, String> properties, Path passwordFile)
            throws IOException {
        char[] password = properties.get("broker.password").toCharArray();
        try {
            PasswordFile.write(passwordFile, password);
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
        Map<String, String> moved = new LinkedHashMap<>();
        properties.forEach((k, v) -> {
            if (k.equals("broker.password")) {
                moved.put("broker.password.file", passwordFile.toString());
            } else {
                moved.put(k, v);
            }
        });
        return moved;
    }

    /** Escapes as {@link java.util.Properties#store(Writer, String)} does, but keeps non-ASCII text. */
    static String escape(String s, boolean key) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\f' -> sb.append("\\f");
                case '=', ':', '#', '!' -> {
                    if (key) {
                        sb.append('\\');
                    }
                    sb.append(c);
                }
                case ' ' -> sb.append(i == 0 || key ? "\\ " : " ");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
