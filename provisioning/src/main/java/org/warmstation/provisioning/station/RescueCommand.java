package org.warmstation.provisioning.station;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.warmstation.protocol.wire.VisitBatch;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.protocol.wire.WireVisit;
import org.warmstation.visitlog.store.LogRescue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code station rescue}: reads what can still be read from a visit log the kiosk set aside as
 * damaged ({@code visits-damaged-<time>.db}, decision 0270) and writes its visits, under that log's
 * own epoch, as visit batches (one per line, at most {@link VisitBatch#MAX_VISITS} visits each) for
 * {@code district-server rescue}. The damaged file is only read. Exit code 0 when visits were
 * written, 1 when none could be read.
 */
@Command(name = "rescue", mixinStandardHelpOptions = true,
        description = {"Read the visits still readable from a visit log set aside as damaged",
                "(visits-damaged-<time>.db) into a file for `district-server rescue`."})
public final class RescueCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--file", required = true, paramLabel = "FILE", description = "the set-aside log, e.g. /var/lib/warm-station/data/visits-damaged-20261206T083000Z.db")
    Path file;

    @Option(names = "--district", required = true, paramLabel = "ID", description = "the station's district, e.g. 110105")
    int district;

    @Option(names = "--out", paramLabel = "FILE", description = "the rescue file to write (default: the log's name + .rescue.jsonl, beside it)")
    Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter say = spec.commandLine().getOut();
        if (!Files.isRegularFile(file)) {
            spec.commandLine().getErr().println("station rescue: no file " + file);
            return 2;
        }
        LogRescue.Rescued r = LogRescue.read(file);
        say.printf("%s: %d visit(s) read, %d unreadable%s; station %s, epoch %s%n", file.getFileName(),
                r.visits().size(), r.unreadable(), r.damageSeen() ? " (read one by one past the damage)" : "",
                r.station().orElse("?"), r.epoch().map(Object::toString).orElse("none (a log older than epochs)"));
        if (r.visits().isEmpty() || r.station().isEmpty()) {
            say.println("nothing to rescue");
            say.flush();
            return 1;
        }
        Path target = out != null ? out : file.resolveSibling(file.getFileName() + ".rescue.jsonl");
        int batches = 0;
        Instant now = Instant.now();
        try (BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW)) {
            List<WireVisit> all = r.visits();
            for (int i = 0; i < all.size(); i += VisitBatch.MAX_VISITS) {
                List<WireVisit> chunk = all.subList(i, Math.min(all.size(), i + VisitBatch.MAX_VISITS));
                VisitBatch b = VisitBatch.of(district, r.station().get(), now, chunk, r.epoch().orElse(null));
                w.write(new String(Wire.encode(b), StandardCharsets.UTF_8));
                w.newLine();
                batches++;
            }
        }
        say.printf("wrote %d batch(es) to %s: give it to the district (district-server rescue --district %d FILE)%n",
                batches, target, district);
        say.flush();
        return 0;
    }
}
