package org.warmstation.provisioning.station;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.warmstation.kiosk.config.ConfigException;
import org.warmstation.protocol.card.StaffPin;
import org.warmstation.kiosk.config.StationConfig;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.provisioning.ProvisioningException;
import org.warmstation.provisioning.district.DistrictKeyFiles;
import org.warmstation.provisioning.files.SafeFiles;

/**
 * Writes a new station's configuration file, checked by the rules of {@link StationConfig}, and
 * copies the district's trust list next to it ({@value DistrictKeyFiles#TRUST_LIST}, referred to by
 * a relative {@code trust.file}). Blocks on file I/O.
 */
public final class StationSetup {

    /**
     * What the technician gave.
     *
     * @param id        station id, e.g. CY-0042
     * @param name      station name, Chinese allowed
     * @param district  6-digit district code as typed
     * @param latitude  decimal degrees as typed
     * @param longitude decimal degrees as typed
     * @param brokerUrl MQTT broker URL
     * @param trustFile the district's trust list
     * @param out       the configuration file to write
     * @param dataDir   data folder, empty for {@code data} beside the file
     * @param pin       staff PIN digits, if one is to be set
     * @param force     whether an existing configuration file may be replaced
     * @param profile   {@code station.address}, {@code station.phone}, {@code station.hours} and
     *                  {@code station.services} as typed, and {@code broker.ca.pin} and
     *                  {@code broker.insecure-lab} (keys absent take their defaults)
     */
    public record Request(String id, String name, String district, String latitude, String longitude,
                          String brokerUrl, Path trustFile, Path out, Optional<Path> dataDir, Optional<char[]> pin,
                          boolean force, Map<String, String> profile) {
        /** A request without profile keys; otherwise as the canonical constructor. */
        public Request(String id, String name, String district, String latitude, String longitude,
                       String brokerUrl, Path trustFile, Path out, Optional<Path> dataDir, Optional<char[]> pin,
                       boolean force) {
            this(id, name, district, latitude, longitude, brokerUrl, trustFile, out, dataDir, pin, force, Map.of());
        }
    }

    /** Option that sets each key, for messages. */
    private static final Map<String, String> OPTION_OF = Map.ofEntries(Map.entry("station.id", "--id"),
            Map.entry("station.name", "--name"), Map.entry("district.id", "--district"),
            Map.entry("location.latitude", "--lat"), Map.entry("location.longitude", "--lon"),
            Map.entry("broker.url", "--broker"), Map.entry("data.dir", "--data-dir"), Map.entry("trust.file", "--trust"),
            Map.entry("station.address", "--address"), Map.entry("station.phone", "--phone"),
            Map.entry("station.hours", "--hours"), Map.entry("station.services", "--services"),
            Map.entry("broker.ca.pin", "--ca-file"), Map.entry("broker.insecure-lab", "--insecure-lab"));
    /** The profile (and broker trust, decision 0180) keys a {@link Request} may carry. */
    private static final java.util.Set<String> PROFILE_KEYS = java.util.Set.of("station.address", "station.phone",
            "station.hours", "station.services", "broker.ca.pin", "broker.insecure-lab");

    private StationSetup() {
    }

    /**
     * @param r the request
     * @return the configuration written, as read back from the file
     * @throws ProvisioningException (usage) naming the option of a bad value, or when the trust list
     *                               is unreadable or has no key of the station's district;
     *                               (failed) when the file exists without {@code force} or cannot be
     *                               written
     */
    public static StationConfig init(Request r) throws ProvisioningException {
        Path out = r.out().toAbsolutePath();
        if (Files.exists(out) && !r.force()) {
            throw new ProvisioningException(ProvisioningException.FAILED, out + " already exists; add --force to replace it");
        }
        TrustList trust = DistrictKeyFiles.readTrustList(r.trustFile());
        Map<String, String> p = new LinkedHashMap<>();
        p.put("station.id", r.id());
        p.put("station.name", r.name());
        p.put("district.id", r.district());
        p.put("location.latitude", r.latitude());
        p.put("location.longitude", r.longitude());
        r.profile().forEach((k, v) -> {
            if (!PROFILE_KEYS.contains(k)) {
                throw new IllegalArgumentException("not a profile key: " + k);
            }
            if (v != null) {
                p.put(k, v);
            }
        });
        p.put("broker.url", r.brokerUrl());
        p.put("trust.file", DistrictKeyFiles.TRUST_LIST);
        r.dataDir().ifPresent(d -> p.put("data.dir", d.toAbsolutePath().toString()));
        if (r.pin().isPresent()) {
            try {
                p.put("staff.pin", StaffPin.hash(r.pin().get()).encoded());
            } catch (IllegalArgumentException e) {
                throw new ProvisioningException(ProvisioningException.USAGE, "--pin: " + e.getMessage(), e);
            } finally {
                java.util.Arrays.fill(r.pin().get(), '\0');
            }
        }
        StationConfig config;
        try {
            config = StationConfig.parse(p, out);
        } catch (ConfigException e) {
            StringBuilder sb = new StringBuilder("invalid station settings:");
            for (var problem : e.problems()) {
                sb.append("\n  ").append(OPTION_OF.getOrDefault(problem.key(), problem.key())).append(" (")
                        .append(problem.key()).append("): ").append(problem.message());
            }
            throw new ProvisioningException(ProvisioningException.USAGE, sb.toString(), e);
        }
        if (trust.keys().stream().noneMatch(k -> k.districtId() == config.districtId())) {
            throw new ProvisioningException(ProvisioningException.USAGE, "trust list " + r.trustFile()
                    + " has no key of district " + config.districtId() + ": the station could not verify its cards");
        }
        try {
            Files.createDirectories(out.getParent());
            Path trustCopy = config.trustFile();
            if (!Files.exists(trustCopy) || !Files.isSameFile(trustCopy, r.trustFile())) {
                SafeFiles.replaceText(trustCopy, trust.format());
            }
            config.write(out);
            return StationConfig.load(out);
        } catch (IOException e) {
            throw new ProvisioningException(ProvisioningException.FAILED, "cannot write " + out + ": " + e, e);
        } catch (ConfigException e) {
            throw new ProvisioningException(ProvisioningException.FAILED, "written file does not read back: "
                    + e.getMessage(), e);
        }
    }
}
