package org.warmstation.kiosk.config;

import org.warmstation.protocol.card.StaffPin;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The configuration of one station terminal, kept in a UTF-8 Java properties file
 * ({@code station.properties}) that a technician can read and edit. The keys are listed in
 * {@code docs/provisioning.md}; {@link #load} reads and checks the file, {@link #write} writes it.
 *
 * <p>Relative paths in the file are resolved against the directory of the file when it is
 * loaded, so the loaded record holds absolute paths. Immutable and thread-safe.
 *
 * @param stationId       {@code station.id}, capital letters, a dash and digits, e.g. CY-0042;
 *                        used in MQTT topics and reports
 * @param stationName     {@code station.name}, the name shown on screen, Chinese allowed
 * @param districtId      {@code district.id}, 6-digit administrative division code, e.g. 110105
 * @param latitude        {@code location.latitude}, decimal degrees (WGS-84), -90 to 90
 * @param longitude       {@code location.longitude}, decimal degrees (WGS-84), -180 to 180
 * @param zone            {@code zone}, the zone of the station's calendar (default Asia/Shanghai)
 * @param brokerUrl       {@code broker.url}, MQTT broker, {@code tcp://} or {@code ssl://}
 * @param brokerUsername  {@code broker.username}, optional
 * @param dataDir         {@code data.dir}, where the visit log and outbox live (default
 *                        {@code data} beside the file)
 * @param trustFile       {@code trust.file}, the trust list of district keys
 * @param denyFile        {@code deny.file}, optional deny-list of revoked cards
 * @param duplicateWindow {@code duplicate.window}, a second scan of one card within this window
 *                        counts as the same visit (default PT10M)
 * @param welcomeTimeout  {@code welcome.timeout}, how long the welcome screen stays (default PT20S)
 * @param staffPin        {@code staff.pin}, the salted PBKDF2 hash of the staff PIN; empty when
 *                        none is set
 * @param scanner         the {@code scanner.*} keys
 * @param hardware        every {@code hardware.*} key with its raw value, keys in full (e.g.
 *                        {@code hardware.relay.pin}); parsed by the hardware drivers
 * @param sync            the broker credentials and {@code sync.*} keys of the sync agent
 * @param profile         address, phone, opening hours and services the station tells the district
 * @param voice           the {@code voice.*} keys: spoken prompts on or off, volume, quiet hours
 */
public record StationConfig(String stationId, String stationName, int districtId, double latitude, double longitude,
                            ZoneId zone, URI brokerUrl, Optional<String> brokerUsername, Path dataDir,
                            Path trustFile, Optional<Path> denyFile, Duration duplicateWindow,
                            Duration welcomeTimeout, Optional<StaffPin> staffPin, ScannerSettings scanner,
                            Map<String, String> hardware, SyncSettings sync, ProfileSettings profile,
                            VoiceSettings voice) {

    /** Default {@code zone}. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    /** Default {@code duplicate.window}. */
    public static final Duration DEFAULT_DUPLICATE_WINDOW = Duration.ofMinutes(10);
    /** Default {@code welcome.timeout}. */
    public static final Duration DEFAULT_WELCOME_TIMEOUT = Duration.ofSeconds(20);

    /**
     * Checks every field by the rules of the file format.
     *
     * @throws IllegalArgumentException whose message names the key of the first field that breaks
     *                                  a rule (malformed id, coordinate out of range, BCM pin
     *                                  outside 0–27 or used twice, ...)
     * @throws NullPointerException     when a field is null
     */
    public StationConfig {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(brokerUsername, "brokerUsername");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(trustFile, "trustFile");
        Objects.requireNonNull(denyFile, "denyFile");
        Objects.requireNonNull(staffPin, "staffPin");
        Objects.requireNonNull(scanner, "scanner");
        Objects.requireNonNull(sync, "sync");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(voice, "voice");
        hardware = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(hardware, "hardware")));
        try {
            ConfigRules.stationId(Objects.requireNonNull(stationId, "stationId"));
            ConfigRules.stationName(Objects.requireNonNull(stationName, "stationName"));
            ConfigRules.checkDistrictId(districtId);
            ConfigRules.checkDegrees("location.latitude", latitude, 90);
            ConfigRules.checkDegrees("location.longitude", longitude, 180);
            ConfigRules.checkBrokerUrl(Objects.requireNonNull(brokerUrl, "brokerUrl"));
            if (sync.caFile().isPresent() && !"ssl".equalsIgnoreCase(brokerUrl.getScheme())) {
                throw new ConfigRules.KeyException("broker.ca.file", "is only used with an ssl:// broker.url");
            }
            ConfigRules.checkPositive("duplicate.window", Objects.requireNonNull(duplicateWindow, "duplicateWindow"));
            ConfigRules.checkPositive("welcome.timeout", Objects.requireNonNull(welcomeTimeout, "welcomeTimeout"));
            var pinProblems = ConfigRules.hardwarePinProblems(hardware);
            if (!pinProblems.isEmpty()) {
                throw pinProblems.getFirst();
            }
        } catch (ConfigRules.KeyException e) {
            throw new IllegalArgumentException(e.key() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A configuration with the default voice prompts ({@link VoiceSettings#DEFAULTS}); otherwise as
     * the canonical constructor.
     *
     * @throws IllegalArgumentException as the canonical constructor
     */
    public StationConfig(String stationId, String stationName, int districtId, double latitude, double longitude,
                         ZoneId zone, URI brokerUrl, Optional<String> brokerUsername, Path dataDir,
                         Path trustFile, Optional<Path> denyFile, Duration duplicateWindow,
                         Duration welcomeTimeout, Optional<StaffPin> staffPin, ScannerSettings scanner,
                         Map<String, String> hardware, SyncSettings sync, ProfileSettings profile) {
        this(stationId, stationName, districtId, latitude, longitude, zone, brokerUrl, brokerUsername, dataDir,
                trustFile, denyFile, duplicateWindow, welcomeTimeout, staffPin, scanner, hardware, sync, profile,
                VoiceSettings.DEFAULTS);
    }

    /**
     * A configuration without address, phone and opening hours, offering every service
     * ({@link ProfileSettings#DEFAULTS}); otherwise as the canonical constructor.
     *
     * @throws IllegalArgumentException as the canonical constructor
     */
    public StationConfig(String stationId, String stationName, int districtId, double latitude, double longitude,
                         ZoneId zone, URI brokerUrl, Optional<String> brokerUsername, Path dataDir,
                         Path trustFile, Optional<Path> denyFile, Duration duplicateWindow,
                         Duration welcomeTimeout, Optional<StaffPin> staffPin, ScannerSettings scanner,
                         Map<String, String> hardware, SyncSettings sync) {
        this(stationId, stationName, districtId, latitude, longitude, zone, brokerUrl, brokerUsername, dataDir,
                trustFile, denyFile, duplicateWindow, welcomeTimeout, staffPin, scanner, hardware, sync,
                ProfileSettings.DEFAULTS);
    }

    /**
     * A configuration without sync credentials ({@link SyncSettings#DEFAULTS}); otherwise as the
     * canonical constructor.
     *
     * @throws IllegalArgumentException as the canonical constructor
     */
    public StationConfig(String stationId, String stationName, int districtId, double latitude, double longitude,
                         ZoneId zone, URI brokerUrl, Optional<String> brokerUsername, Path dataDir,
                         Path trustFile, Optional<Path> denyFile, Duration duplicateWindow,
                         Duration welcomeTimeout, Optional<StaffPin> staffPin, ScannerSettings scanner,
                         Map<String, String> hardware) {
        this(stationId, stationName, districtId, latitude, longitude, zone, brokerUrl, brokerUsername, dataDir,
                trustFile, denyFile, duplicateWindow, welcomeTimeout, staffPin, scanner, hardware, SyncSettings.DEFAULTS);
    }

    /**
     * @return the deny-list the kiosk reads: {@code deny.file}, or {@code deny-list.txt} in the data
     *         directory when none is configured (where district downlinks put it)
     */
    public Path denyListFile() {
        return denyFile.orElse(dataDir.resolve("deny-list.txt"));
    }

    /** @return the file of the station settings the district sends: {@code station-settings.json} in the data directory */
    public Path settingsFile() {
        return dataDir.resolve("station-settings.json");
    }

    /**
     * Reads and checks a station configuration file. Blocks for the file read.
     *
     * @param file a UTF-8 Java properties file
     * @return the configuration, paths resolved against the file's directory
     * @throws ConfigException naming the file, and the key and line of every missing, malformed or
     *                         out-of-range field; also when the file is missing, unreadable or not
     *                         UTF-8 text (e.g. binary garbage)
     */
    public static StationConfig load(Path file) throws ConfigException {
        return StationConfigReader.read(file);
    }

    /**
     * Checks properties given as a map (e.g. from command-line options) by the same rules as
     * {@link #load}.
     *
     * @param properties key to value, as they would stand in the file
     * @param file       the file they belong to: relative paths resolve against its directory and
     *                   messages name it
     * @return the configuration
     * @throws ConfigException naming the key of every missing, malformed or out-of-range field
     */
    public static StationConfig parse(Map<String, String> properties, Path file) throws ConfigException {
        return StationConfigReader.parse(properties, Map.of(), file);
    }

    /**
     * Writes this configuration as a commented UTF-8 properties file, atomically: the text goes to
     * a temporary file in the same directory, is forced to disk and then moved over {@code file},
     * so a power cut leaves either the old or the new file, never half of one. A new file gets
     * mode rw------- (the hash of a short staff PIN can be guessed offline, so only the kiosk's
     * user may read it); a replaced file keeps its mode. Blocks.
     *
     * @param file the target file; its directory is created if missing
     * @throws IOException when the directory or file cannot be written (disk full, read-only)
     */
    public void write(Path file) throws IOException {
        StationConfigWriter.write(this, file);
    }

    /** @return the properties of this configuration, keys as in the file, in file order */
    public Map<String, String> toProperties() {
        return StationConfigWriter.properties(this);
    }
}
