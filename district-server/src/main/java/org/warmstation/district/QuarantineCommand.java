package org.warmstation.district;

import java.util.concurrent.Callable;
import org.warmstation.district.db.VisitQuarantine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code district-server quarantine}: lists the quarantined visits (decision 0193); exit code 1 when there are any. */
@Command(name = "quarantine", mixinStandardHelpOptions = true,
        description = "List the visits the district could not store, set aside with the reason (newest first).")
final class QuarantineCommand implements Callable<Integer> {
    @Mixin
    DbOptions db;
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--district", required = true, description = "district id")
    int district;

    @Option(names = "--limit", defaultValue = "100", description = "rows at most (default: ${DEFAULT-VALUE})")
    int limit;

    @Override
    public Integer call() throws Exception {
        return db.withConnection(spec, (c, out) -> {
            var rows = new VisitQuarantine().list(c, district, Math.max(1, limit));
            if (rows.isEmpty()) {
                out.println("no quarantined visits");
            }
            for (VisitQuarantine.Row r : rows) {
                out.printf("%s %s visit %s seq %s: %s%n", r.quarantinedAt(), r.station(),
                        r.uuid() == null ? "?" : r.uuid(), r.seq() == null ? "?" : r.seq(), r.reason());
            }
            return rows.isEmpty() ? 0 : 1;
        });
    }
}
