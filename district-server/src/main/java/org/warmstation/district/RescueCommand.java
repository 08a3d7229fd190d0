package org.warmstation.district;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.warmstation.district.db.VisitStore;
import org.warmstation.protocol.wire.VisitBatch;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.protocol.wire.WireFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code district-server rescue FILE}: stores the visit batches that {@code station station rescue}
 * read from a terminal's damaged visit log (decision 0270), as if the station had sent them under
 * that log's epoch: visits the district holds already are counted, not stored twice. A line that
 * is not a valid batch of this district is reported and skipped. Exit code 0 when every line was
 * stored, 1 otherwise.
 */
@Command(name = "rescue", mixinStandardHelpOptions = true,
        description = {"Store the visits rescued from a terminal's damaged visit log (a file of",
                "`station station rescue`); visits already held are not stored twice."})
final class RescueCommand implements Callable<Integer> {
    @Mixin
    DbOptions db;
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--district", required = true, description = "district id")
    int district;

    @Parameters(paramLabel = "FILE", description = "the rescue file (one visit batch per line)")
    Path file;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no rescue file at " + file);
        }
        return db.withConnection(spec, (c, out) -> {
            VisitStore visits = new VisitStore();
            int lines = 0;
            int bad = 0;
            long stored = 0;
            long known = 0;
            long quarantined = 0;
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    lines++;
                    VisitBatch batch;
                    try {
                        batch = Wire.decode(line.getBytes(StandardCharsets.UTF_8), VisitBatch.class);
                    } catch (WireFormatException e) {
                        out.printf("line %d: not a visit batch: %s%n", lines, e.getMessage());
                        bad++;
                        continue;
                    }
                    if (batch.district() != district) {
                        out.printf("line %d: a batch of district %d, not %d%n", lines, batch.district(), district);
                        bad++;
                        continue;
                    }
                    VisitStore.Stored s = visits.store(c, batch);
                    stored += s.changed();
                    known += s.unchanged();
                    quarantined += s.quarantined();
                }
            }
            out.printf("%d batch(es): %d visit(s) stored, %d already held, %d quarantined, %d line(s) refused%n",
                    lines - bad, stored, known, quarantined, bad);
            return bad == 0 ? 0 : 1;
        });
    }
}
