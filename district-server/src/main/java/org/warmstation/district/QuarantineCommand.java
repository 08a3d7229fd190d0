package org.warmstation.district;

import java.util.concurrent.Callable;
import org.warmstation.district.db.VisitQuarantine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code district-server quarantine}: lists the quarantined visits (decision 0193); exit code 1
 * when there are any. {@code quarantine release} stores them again once their cause is fixed.
 */
@Command(name = "quarantine", mixinStandardHelpOptions = true, subcommands = QuarantineCommand.Release.class,
        description = "List the visits the district could not store, set aside with the reason (newest first).")
final class QuarantineCommand implements Callable<Integer> {
    @Mixin
    DbOptions db;
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--district", description = "district id (required)")
    Integer district; // not picocli-required: the release subcommand takes its own

    @Option(names = "--limit", defaultValue = "100", description = "rows at most (default: ${DEFAULT-VALUE})")
    int limit;

    @Override
    public Integer call() throws Exception {
        if (district == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--district=<district>'");
        }
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

    /**
     * {@code district-server quarantine release}: tries every quarantined visit of the district (or
     * one) again; exit code 0 when all left the quarantine, 1 when some stay (each printed with
     * its reason).
     */
    @Command(name = "release", mixinStandardHelpOptions = true,
            description = {"Store quarantined visits again, after their cause was fixed (e.g. a district update",
                    "that knows a newer station's value). Each stored visit leaves the quarantine; the rest stay."})
    static final class Release implements Callable<Integer> {
        @Mixin
        DbOptions db;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--district", required = true, description = "district id")
        int district;

        @Option(names = "--visit", description = "only this visit (its uuid); default: every quarantined visit")
        java.util.UUID visit;

        @Override
        public Integer call() throws Exception {
            return db.withConnection(spec, (c, out) -> {
                var results = new VisitQuarantine().release(c, district, java.util.Optional.ofNullable(visit),
                        new org.warmstation.district.db.VisitStore(), java.time.Instant.now());
                long stored = results.stream().filter(VisitQuarantine.Release::stored).count();
                for (VisitQuarantine.Release r : results) {
                    out.printf("%s visit %s: %s%n", r.station(), r.uuid() == null ? "?" : r.uuid(),
                            r.stored() ? "stored, released" : "stays: " + r.reason());
                }
                out.printf("%d released, %d still quarantined%n", stored, results.size() - stored);
                return stored == results.size() ? 0 : 1;
            });
        }
    }
}
