package org.warmstation.district;

import java.time.Instant;
import java.util.concurrent.Callable;
import org.warmstation.district.db.StationStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code district-server stations}: one line per station. */
@Command(name = "stations", mixinStandardHelpOptions = true,
        description = "Each station: online/offline, last heartbeat, visits waiting at the station, visits stored.")
final class StationsCommand implements Callable<Integer> {
    @Mixin
    DbOptions db;
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return db.withConnection(spec, (c, out) -> {
            out.print(StationsFormat.text(new StationStore().list(c), Instant.now()));
            return 0;
        });
    }
}
