package org.warmstation.provisioning.station;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.warmstation.provisioning.ProvisioningException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code station station ...}: setting up a station terminal. */
@Command(name = "station", description = "Set up a station terminal's configuration.",
        mixinStandardHelpOptions = true,
        subcommands = {StationCommand.Init.class, org.warmstation.provisioning.enroll.EnrollCommand.class,
                RescueCommand.class})
public final class StationCommand {

    /** {@code station init}: thin wrapper of {@link StationSetup#init}. */
    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Write a checked station.properties and copy the trust list next to it.")
    static final class Init implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--id", required = true, paramLabel = "ID", description = "station id, e.g. CY-0042")
        String id;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "station name shown on screen, e.g. 望京街道暖心驿站")
        String name;

        @Option(names = "--district", required = true, paramLabel = "ID", description = "6-digit district code, e.g. 110105")
        String district;

        @Option(names = "--lat", required = true, paramLabel = "DEG", description = "latitude, decimal degrees, e.g. 39.9961")
        String lat;

        @Option(names = "--lon", required = true, paramLabel = "DEG", description = "longitude, decimal degrees, e.g. 116.4700")
        String lon;

        @Option(names = "--broker", required = true, paramLabel = "URL", description = "MQTT broker, ssl://HOST:8883 (tcp://HOST:1883 only with --insecure-lab)")
        String broker;

        @Option(names = "--ca-file", paramLabel = "FILE", description = "the broker's CA certificate (PEM): the station trusts only it (broker.ca.pin, its SHA-256)")
        Path caFile;

        @Option(names = "--insecure-lab", description = "allow a tcp:// broker (unencrypted; the kiosk shows a LAB MODE band)")
        boolean insecureLab;

        @Option(names = "--trust", required = true, paramLabel = "FILE", description = "the district's trust list")
        Path trust;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "configuration file to write, e.g. /etc/warm-station/station.properties")
        Path out;

        @Option(names = "--data-dir", paramLabel = "DIR", description = "visit log and outbox folder (default: data beside the file)")
        Path dataDir;

        @Option(names = "--pin", arity = "0..1", interactive = true, paramLabel = "DIGITS", prompt = "Staff PIN (6-12 digits): ",
                description = "set the staff PIN (6-12 digits); asked for without echo when no value is given")
        char[] pin;

        @Option(names = "--force", description = "replace an existing configuration file")
        boolean force;

        @Option(names = "--address", paramLabel = "TEXT", description = "street address shown by the district's station finder")
        String address;

        @Option(names = "--phone", paramLabel = "TEXT", description = "phone number for workers")
        String phone;

        @Option(names = "--hours", paramLabel = "SPEC",
                description = "opening hours, e.g. 'MON-FRI 08:00-20:00; SAT,SUN 09:00-17:00' (default: not published)")
        String hours;

        @Option(names = "--services", paramLabel = "LIST",
                description = "services offered, comma-separated, e.g. HOT_WATER,TOILET,WARM_UP (default: all)")
        String services;

        private java.util.Map<String, String> profile() {
            java.util.Map<String, String> m = new java.util.HashMap<>();
            m.put("station.address", address);
            m.put("station.phone", phone);
            m.put("station.hours", hours);
            m.put("station.services", services);
            if (caFile != null) {
                m.put("broker.ca.pin", org.warmstation.mqtt.TlsSockets.fingerprint(caFile));
            }
            if (insecureLab) {
                m.put("broker.insecure-lab", "true");
            }
            m.values().removeIf(java.util.Objects::isNull);
            return m;
        }

        @Override
        public Integer call() {
            java.util.Map<String, String> keys;
            try {
                keys = profile();
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("station init: --ca-file: " + e.getMessage());
                return ProvisioningException.USAGE;
            }
            try {
                var config = StationSetup.init(new StationSetup.Request(id, name, district, lat, lon, broker, trust, out,
                        Optional.ofNullable(dataDir), Optional.ofNullable(pin), force, keys));
                var w = spec.commandLine().getOut();
                w.printf("wrote %s: station %s %s, district %d%n", out.toAbsolutePath(), config.stationId(),
                        config.stationName(), config.districtId());
                w.printf("trust list %s; staff PIN %s%n", config.trustFile(),
                        config.staffPin().isPresent() ? "set" : "not set (staff menu locked)");
                boolean tcp = "tcp".equalsIgnoreCase(config.brokerUrl().getScheme());
                if (tcp && !config.sync().insecureLab()) {
                    w.println("note: the sync agent refuses tcp:// (unencrypted) unless --insecure-lab is given (decision 0180)");
                } else if (!tcp && config.sync().caPin().isEmpty() && config.sync().caFile().isEmpty()) {
                    w.println("note: the sync agent trusts an ssl:// broker only with its CA: give --ca-file (decision 0180)");
                }
                return 0;
            } catch (ProvisioningException e) {
                spec.commandLine().getErr().println("station init: " + e.getMessage());
                return e.exitCode();
            }
        }
    }
}
