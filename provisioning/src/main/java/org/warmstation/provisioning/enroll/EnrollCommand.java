package org.warmstation.provisioning.enroll;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.warmstation.provisioning.ProvisioningException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code station station enroll}: thin wrapper of {@link EnrollmentIssuer}. */
@Command(name = "enroll", mixinStandardHelpOptions = true,
        description = {"Issue a one-time station enrollment QR code signed by the district key (the broker's CA pin and",
                "a new enrollment credential inside) and its register file for 'district-server enrollment register'."})
public final class EnrollCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--key", required = true, paramLabel = "FILE", description = "district key file (district-ID.key)")
    Path key;

    @Option(names = "--id", required = true, paramLabel = "ID", description = "station id, e.g. CY-0042 (also its MQTT username)")
    String id;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "station name shown on screen, e.g. 望京街道暖心驿站")
    String name;

    @Option(names = "--lat", required = true, paramLabel = "DEG", description = "latitude, decimal degrees")
    String lat;

    @Option(names = "--lon", required = true, paramLabel = "DEG", description = "longitude, decimal degrees")
    String lon;

    @Option(names = "--broker", required = true, paramLabel = "URL", description = "district broker as the station reaches it, ssl://HOST:8883 (tcp://HOST:1883 only with --insecure-lab)")
    String broker;

    @Option(names = "--ca-file", paramLabel = "FILE", description = "the broker's CA certificate (PEM): the code pins its SHA-256; required for ssl://")
    Path caFile;

    @Option(names = "--insecure-lab", description = "allow a tcp:// broker (unencrypted; a lab only)")
    boolean insecureLab;

    @Option(names = "--valid", paramLabel = "DURATION", defaultValue = "PT72H",
            description = "how long the code may be used, ISO-8601 (default ${DEFAULT-VALUE}, at most P30D)")
    Duration valid;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for enroll-ID.png")
    Path out;

    @Override
    public Integer call() {
        try {
            var issued = EnrollmentIssuer.issue(new EnrollmentIssuer.Request(key, id, name, lat, lon, broker, valid, out,
                            caFile, insecureLab),
                    Instant.now());
            var e = issued.enrollment();
            var w = spec.commandLine().getOut();
            w.printf("wrote %s: station %s %s, district %d, valid until %s; QR version %d-M (%d characters)%n",
                    issued.image(), e.stationId(), e.stationName(), e.districtId(), e.expiresAt(), issued.qrVersion(),
                    issued.token().length());
            w.printf("wrote %s: code %s, for the district host:%n", issued.registerFile(), issued.register().codeId());
            w.printf("  district-server enrollment register --district %d --broker-passwd FILE %s%n", e.districtId(),
                    issued.registerFile().getFileName());
            w.println("The image holds a one-time enrollment credential: the first terminal to enroll gets the");
            w.println("station's own password from the district, and the code is refused afterwards. Keep it private.");
            if (e.insecure()) {
                w.println("LAB MODE: tcp:// is unencrypted; the terminal must run with --insecure-lab.");
            }
            return 0;
        } catch (ProvisioningException ex) {
            spec.commandLine().getErr().println("station enroll: " + ex.getMessage());
            return ex.exitCode();
        }
    }
}
