package org.warmstation.terminal.kiosk;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.warmstation.kiosk.config.ConfigException;
import org.warmstation.kiosk.config.StationConfig;
import org.warmstation.protocol.wire.UpdateReport;
import org.warmstation.sync.update.DpkgPackageSystem;
import org.warmstation.sync.update.UpdateInstaller;
import org.warmstation.sync.update.UpdateSpool;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code warm-station update apply}: the root installer of a software update (issue 15), run by
 * {@code warm-station-update.service} when the kiosk leaves a verified package in its update
 * folder. Exit 0 when there was nothing to do or the update ended (healthy, rolled back, refused:
 * the report says which), 1 when it failed, 2 for bad usage.
 */
@Command(name = "update", mixinStandardHelpOptions = true, description = "Software updates of this terminal.",
        subcommands = UpdateCommand.Apply.class)
public final class UpdateCommand {

    /** {@code update apply --config FILE}. */
    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = "As root: install the package the kiosk downloaded and verified, restart the kiosk, and put the"
                    + " previous package back unless the new version reports healthy in time.")
    static final class Apply implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--config", paramLabel = "FILE", defaultValue = "/etc/warm-station/station.properties",
                description = "the station configuration (default: ${DEFAULT-VALUE})")
        Path config;

        @Option(names = "--kept", paramLabel = "DIR", defaultValue = "/var/cache/warm-station/packages",
                description = "root's folder of kept packages, holding the running version's .deb (default: ${DEFAULT-VALUE})")
        Path kept;

        @Option(names = "--health-timeout", paramLabel = "DURATION", defaultValue = "PT5M",
                description = "how long the new version has to report healthy, ISO-8601 (default: ${DEFAULT-VALUE})")
        Duration timeout;

        @Option(names = "--dpkg-option", paramLabel = "OPTION",
                description = "an option for dpkg -i, e.g. --force-depends in a test root without the graphical dependencies")
        List<String> dpkgOptions = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            var out = spec.commandLine().getOut();
            StationConfig station;
            try {
                station = StationConfig.load(config);
            } catch (ConfigException e) {
                spec.commandLine().getErr().println("update apply: " + e.getMessage());
                return 2;
            }
            java.nio.file.Files.createDirectories(kept);
            UpdateInstaller installer = new UpdateInstaller(new UpdateInstaller.Parts(station.districtId(),
                    new TrustListFile(station.trustFile()), UpdateSpool.in(station.dataDir()), kept,
                    new DpkgPackageSystem(dpkgOptions), InstantSource.system(), timeout, Duration.ofSeconds(1)));
            Optional<UpdateReport> r = installer.apply();
            if (r.isEmpty()) {
                out.println("update apply: no install request");
            } else {
                out.printf("update apply: %s %s (%s)%n", r.get().version(), r.get().state(), r.get().detail());
            }
            out.flush();
            return r.map(UpdateReport::state).orElse(UpdateReport.State.HEALTHY) == UpdateReport.State.FAILED ? 1 : 0;
        }
    }
}
