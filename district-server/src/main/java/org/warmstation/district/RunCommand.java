package org.warmstation.district;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.warmstation.district.console.ConsoleServer;
import org.warmstation.district.console.ConsoleSettings;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.district.mqtt.ReceiverSettings;
import org.warmstation.district.retention.Retention;
import org.warmstation.protocol.card.DistrictKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code district-server run}: receives until stopped. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Receive visits, status, heartbeats and day summaries until stopped (SIGTERM).")
final class RunCommand implements Callable<Integer> {
    @Mixin
    DbOptions db;
    @Mixin
    BrokerFileOptions brokerFile;
    @Option(names = "--district", required = true, description = "the district id served")
    int district;
    @Option(names = "--broker", defaultValue = "tcp://127.0.0.1:1883", description = "broker URL (default: ${DEFAULT-VALUE})")
    String broker;
    @Option(names = "--username", description = "broker username of this instance; also its client id")
    String username;
    @Option(names = "--password-file", description = "file holding the broker password (first line)")
    Path passwordFile;
    @Option(names = "--ca-file", description = "PEM CA file for an ssl:// broker (certificate and host name verified)")
    Path caFile;
    @Option(names = "--client-id", description = "MQTT client id (default: the username, else district-server)")
    String clientId;
    @Option(names = "--share-group", defaultValue = "district", description = "shared subscription group (default: ${DEFAULT-VALUE})")
    String shareGroup;
    @Option(names = "--district-key", description = "PEM file of the district's downlink key: signs every downlink (deny and trust lists, settings, resends); the only key this server holds")
    Path districtKey;
    @Option(names = "--retired-district-key", paramLabel = "FILE",
            description = "during a downlink-key changeover: the old downlink key (district-ID-downlink-XXXX.key, archived by"
                    + " `station district init --rotate --role downlink`); co-signs every trust list so that stations"
                    + " still on the old list catch up; drop it once every station shows the new trust-list version (repeatable)")
    java.util.List<Path> retiredKeys = new java.util.ArrayList<>();
    @Option(names = "--reconcile-every", converter = DurationConverter.class, defaultValue = "60s", description = "reconciliation interval (default: ${DEFAULT-VALUE})")
    Duration reconcileEvery;
    @Option(names = "--reconcile-grace", converter = DurationConverter.class, defaultValue = "5m",
            description = "wait after a day summary arrives before reconciling it (default: ${DEFAULT-VALUE})")
    Duration grace;
    @Option(names = "--resend-every", converter = DurationConverter.class, defaultValue = "10m",
            description = "wait before asking again for the same gap (default: ${DEFAULT-VALUE})")
    Duration resendEvery;
    @Option(names = "--max-backoff", converter = DurationConverter.class, defaultValue = "30s", description = "longest reconnect wait (default: ${DEFAULT-VALUE})")
    Duration maxBackoff;

    @Option(names = "--http", defaultValue = "127.0.0.1:8080",
            description = "HOST:PORT of the web console, or off (default: ${DEFAULT-VALUE})")
    String http;
    @Option(names = "--map-tiles", description = "tile URL template of the console's map (e.g. https://tile.example/{z}/{x}/{y}.png); none: offline outline")
    String mapTiles;
    @Option(names = "--k", defaultValue = "5", description = "privacy threshold: cells under k members show as <k (at least 3; default: ${DEFAULT-VALUE})")
    int k;
    @Option(names = "--retention-months", defaultValue = "13",
            description = "months of member-level visit rows kept; older months keep only report aggregates, purged daily (default: ${DEFAULT-VALUE})")
    int retentionMonths;
    @Option(names = "--secure-cookies", description = "mark the console's cookies Secure (console behind a TLS reverse proxy)")
    boolean secureCookies;

    @Override
    public Integer call() throws Exception {
        Retention retention = new Retention(retentionMonths); // refuses a bad --retention-months before anything starts
        Optional<ConsoleSettings> console = ConsoleOptions.settings(http, district, k, mapTiles, secureCookies);
        String password = passwordFile == null ? null
                : Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
        Optional<DistrictKey> key = districtKey == null ? Optional.empty() : Optional.of(readKey(districtKey));
        if (key.isEmpty() && !retiredKeys.isEmpty()) {
            throw new IllegalArgumentException("--retired-district-key needs --district-key (the new downlink key)");
        }
        java.util.List<DistrictKey> retired = new java.util.ArrayList<>();
        for (Path p : retiredKeys) {
            retired.add(readKey(p));
        }
        String id = clientId != null ? clientId : username != null ? username : "district-server";
        ReceiverSettings settings = new ReceiverSettings(broker, username, password, id, district, shareGroup, maxBackoff,
                caFile);
        CountDownLatch stop = new CountDownLatch(1);
        try (DistrictDatabase database = db.open();
             DistrictServer server = DistrictServer.start(database, settings,
                     new DistrictService.LedgerSettings(grace, resendEvery, key, retired), reconcileEvery,
                     brokerFile.credentials());
             ConsoleServer web = console.map(c -> ConsoleServer.start(c, database, Clock.systemDefaultZone())).orElse(null)) {
            server.scheduleRetention(database, retention, ZoneId.of("Asia/Shanghai"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop.countDown();
                if (web != null) {
                    web.close();
                }
                server.close();
                database.close();
            }));
            System.out.println("district-server " + id + " running for district " + district + " on " + broker
                    + ", database " + database.url().replaceAll("password=[^&]*", "password=***"));
            if (web != null) {
                System.out.println("web console on " + web.url() + "/");
            }
            stop.await();
        }
        return 0;
    }

    private DistrictKey readKey(Path file) throws java.io.IOException {
        DistrictKey k = DistrictKey.fromPem(Files.readString(file));
        if (k.districtId() != district) {
            throw new IllegalArgumentException("the key in " + file + " is of district " + k.districtId() + ", not " + district);
        }
        return k;
    }
}
