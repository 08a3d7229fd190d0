package org.warmstation.district;

import java.time.Instant;
import java.util.concurrent.Callable;
import org.warmstation.district.db.StationStore;
import org.warmstation.district.fleet.FleetSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code district-server stations}: one line per station. */
@Command(name = "stations", mixinStandardHelpOptions = true,
        description = "Each station: online/quiet/offline, last heartbeat, visits waiting at the station, visits stored.")
final class StationsCommand implements Callable<Integer> {
    @Mixin
    DbOptions db;
    @Spec
    CommandLine.Model.CommandSpec spec;
    @CommandLine.Option(names = "--quiet-factor", paramLabel = "N", defaultValue = "2.5",
            description = "a connected station is QUIET after N heartbeat intervals without a message (1.5-100, default 2.5)")
    double quietFactor;

    @Override
    public Integer call() throws Exception {
        FleetSettings settings;
        try {
            settings = FleetSettings.DEFAULTS.withQuietFactor(quietFactor);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--quiet-factor: " + e.getMessage());
        }
        return db.withConnection(spec, (c, out) -> {
            out.print(StationsFormat.text(new StationStore().list(c), Instant.now(), settings));
            return 0;
        });
    }
}
