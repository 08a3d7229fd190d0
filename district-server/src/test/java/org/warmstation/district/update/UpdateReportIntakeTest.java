package org.warmstation.district.update;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.district.DistrictService;
import org.warmstation.district.testing.DistrictDatabaseExtension;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.wire.StationStatus;
import org.warmstation.protocol.wire.Telemetry;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.UpdateReport;
import org.warmstation.protocol.wire.UpdateReport.State;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.district.testing.TestDebs;

/**
 * Issue 15: the update report in a station's heartbeat and birth message reaches the district's
 * rollout through the message handler (without a broker), with the running version beside it.
 */
class UpdateReportIntakeTest {
    private static final int DISTRICT = 110105;
    private static final Instant NOW = Instant.parse("2026-12-06T03:00:00Z");

    @RegisterExtension
    static final DistrictDatabaseExtension DB = new DistrictDatabaseExtension();

    @TempDir
    Path dir;

    private static StationStatus birth(String version, UpdateReport update) {
        return new StationStatus(StationStatus.SCHEMA, DISTRICT, "up-a", StationStatus.State.ONLINE, version, NOW, null,
                null, 60, null, update);
    }

    @Test
    void heartbeatAndBirthReportsMoveTheStationsRowAndFinishTheRelease() throws Exception {
        Topics where = new Topics(DISTRICT, "up-a");
        try (DistrictService service = new DistrictService(DB.database(), DISTRICT, (t, p) -> { },
                new DistrictService.LedgerSettings(Duration.ofMinutes(5), Duration.ofMinutes(10), Optional.empty()),
                Clock.fixed(NOW, ZoneOffset.UTC))) {
            service.handle(where.topic(Topics.Kind.STATUS), Wire.encode(birth("0.1.0", null)));
            Path deb = TestDebs.write(dir.resolve("p.deb"), "0.2.0", "arm64", "package");
            new UpdatePublisher(DB.database(), DISTRICT).publish(new UpdatePublisher.Request(deb, "0.2.0", false,
                    DistrictKey.generate(DISTRICT), "http://10.0.0.5:8080", dir.resolve("updates")), "test", NOW);

            UpdateReport downloading = new UpdateReport(State.DOWNLOADING, "0.2.0", "download started", NOW);
            service.handle(where.topic(Topics.Kind.TELEMETRY), Wire.encode(new Telemetry(Telemetry.SCHEMA, DISTRICT,
                    "up-a", NOW, "0.1.0", 60, 0, null, 0, 1L << 30, false, true, null, 0, null, null, null, downloading)));
            UpdateQueries q = new UpdateQueries(DB.database(), DISTRICT);
            assertEquals("DOWNLOADING", row(q).state());

            service.handle(where.topic(Topics.Kind.STATUS), Wire.encode(birth("0.2.0",
                    new UpdateReport(State.HEALTHY, "0.2.0", "healthy 40 s after the restart", NOW))));
            assertEquals("HEALTHY", row(q).state());
            assertEquals("0.2.0", row(q).running());
            assertEquals("DONE", q.release(new Release.Key("0.2.0", "arm64")).orElseThrow().state());
        }
    }

    private static UpdateQueries.StationRow row(UpdateQueries q) throws Exception {
        return q.stations().stream().filter(s -> s.station().equals("up-a")).findFirst().orElseThrow();
    }
}
