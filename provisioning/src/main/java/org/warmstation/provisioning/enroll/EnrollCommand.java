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
        description = {"Issue a station enrollment QR code signed by the district key (a new broker password inside);",
                "print the station's Mosquitto password-file line and ACL lines."})
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

    @Option(names = "--broker", required = true, paramLabel = "URL", description = "district broker as the station reaches it, tcp://HOST:1883 or ssl://HOST:8883")
    String broker;

    @Option(names = "--valid", paramLabel = "DURATION", defaultValue = "PT72H",
            description = "how long the code may be used, ISO-8601 (default ${DEFAULT-VALUE}, at most P30D)")
    Duration valid;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for enroll-ID.png")
    Path out;

    @Override
    public Integer call() {
        try {
            var issued = EnrollmentIssuer.issue(new EnrollmentIssuer.Request(key, id, name, lat, lon, broker, valid, out),
                    Instant.now());
            var e = issued.enrollment();
            var w = spec.commandLine().getOut();
            w.printf("wrote %s: station %s %s, district %d, valid until %s; QR version %d-M (%d characters)%n",
                    issued.image(), e.stationId(), e.stationName(), e.districtId(), e.expiresAt(), issued.qrVersion(),
                    issued.token().length());
            w.println("The image holds the station's broker password: keep it private, destroy it after use.");
            w.println();
            w.println("# Mosquitto password file: append this line, then 'sudo systemctl reload mosquitto'");
            w.println("# (it replaces any earlier password of " + e.stationId() + ": delete that station's old line first)");
            w.println(issued.passwordLine());
            w.println();
            w.println("# Mosquitto ACL: the 'pattern' lines of warmstation.acl already cover this station;");
            w.println("# without them, add these lines to the acl_file:");
            issued.aclLines().forEach(w::println);
            return 0;
        } catch (ProvisioningException ex) {
            spec.commandLine().getErr().println("station enroll: " + ex.getMessage());
            return ex.exitCode();
        }
    }
}
