package org.warmstation.district;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.warmstation.district.retention.Retention;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code district-server retention}: deletes the member-level visit rows of the months older than
 * the retention and gives their report rollups' member rows pseudonyms (decision 0203); with
 * {@code --dry-run} only counts. {@code district-server run} does the same once a day.
 */
@Command(name = "retention", mixinStandardHelpOptions = true,
        description = {"Keep member-level visit rows for --months whole months before the current one; older months "
                + "keep only the report rollups, their card ids replaced by random pseudonyms (reports unchanged).",
                "--dry-run counts what would go and changes nothing."})
final class RetentionCommand implements Callable<Integer> {
    @Mixin
    DbOptions db;
    @Option(names = "--months", defaultValue = "13", description = "months kept member-level (default: ${DEFAULT-VALUE})")
    int months;
    @Option(names = "--dry-run", description = "count only; change nothing")
    boolean dryRun;
    @Option(names = "--today", description = "the current date, YYYY-MM-DD (default: today in --zone)")
    LocalDate today;
    @Option(names = "--zone", defaultValue = "Asia/Shanghai", description = "time zone of today (default: ${DEFAULT-VALUE})")
    ZoneId zone;
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Retention retention;
        try {
            retention = new Retention(months);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--months: " + e.getMessage());
        }
        LocalDate day = today != null ? today : LocalDate.now(zone);
        return db.withConnection(spec, (c, out) -> {
            Retention.Result r = dryRun ? retention.dryRun(c, day) : retention.purge(c, day);
            out.printf("%s: visits dated before %s: %d visit rows %s, %d report member rows %s; "
                            + "%d pseudonyms of members with kept visits%n",
                    dryRun ? "dry run" : "retention", r.cutoff(), r.visits(), dryRun ? "would be deleted" : "deleted",
                    r.memberRows(), dryRun ? "would get pseudonyms" : "given pseudonyms", r.pseudonymsLeft());
            return 0;
        });
    }
}
