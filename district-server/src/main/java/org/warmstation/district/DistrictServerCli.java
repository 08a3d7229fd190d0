package org.warmstation.district;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.district.db.StationStore;
import org.warmstation.district.ledger.LedgerStore;
import org.warmstation.district.mqtt.ReceiverSettings;
import org.warmstation.district.report.ReportFormat;
import org.warmstation.district.report.ReportQueries;
import org.warmstation.district.report.VisitReport;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.TrustedKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Command line of the district union office's server: {@code run}, {@code report},
 * {@code stations}, {@code register-key}, {@code reconcile}. Exit codes: 0 done, 1 failure (the
 * message says why), 2 bad usage.
 */
@Command(name = "district-server", mixinStandardHelpOptions = true,
        description = "Receives the warm stations' visits over MQTT into PostgreSQL, reconciles day summaries, reports.",
        subcommands = {DistrictServerCli.Run.class, DistrictServerCli.Report.class, DistrictServerCli.Stations.class,
                DistrictServerCli.RegisterKey.class, DistrictServerCli.Reconcile.class})
public final class DistrictServerCli {

    /**
     * @param args command line
     */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** @return the configured picocli command line (for tests and for embedding) */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new DistrictServerCli());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("district-server: " + e.getMessage());
            return 1;
        });
        return cl;
    }

    /**
     * Parses {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h} or ISO-8601 {@code PT30S}.
     *
     * @param text the text
     * @return the duration
     * @throws IllegalArgumentException when it is none of those
     */
    static Duration duration(String text) {
        String t = text.strip();
        try {
            if (t.startsWith("P") || t.startsWith("p")) {
                return Duration.parse(t);
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> throw new IllegalArgumentException("unit");
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (use e.g. 500ms, 30s, 5m, 2h)");
        }
    }

    /** Picocli converter for {@link #duration}; per option, so it also works when nested in {@code ./station}. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return duration(value);
        }
    }

    /** Database options shared by every command. */
    static final class DbOptions {
        @Option(names = "--jdbc-url", defaultValue = "${env:DISTRICT_JDBC_URL}",
                description = "PostgreSQL JDBC URL (env DISTRICT_JDBC_URL); without it an embedded PostgreSQL runs in --data-dir")
        String jdbcUrl;

        @Option(names = "--data-dir", defaultValue = "district-data/postgres",
                description = "data directory of the embedded PostgreSQL (default: ${DEFAULT-VALUE})")
        Path dataDir;

        DistrictDatabase open() throws IOException, SQLException {
            return DistrictDatabase.open(Optional.ofNullable(jdbcUrl), dataDir);
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Receive visits, status, heartbeats and day summaries until stopped (SIGTERM).")
    static final class Run implements Callable<Integer> {
        @Mixin
        DbOptions db;
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
        @Option(names = "--district-key", description = "PEM file of the district key that signs downlinks (resend requests)")
        Path districtKey;
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

        @Override
        public Integer call() throws Exception {
            String password = passwordFile == null ? null
                    : Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
            Optional<DistrictKey> key = Optional.empty();
            if (districtKey != null) {
                key = Optional.of(DistrictKey.fromPem(Files.readString(districtKey)));
                if (key.get().districtId() != district) {
                    throw new IllegalArgumentException("the key in " + districtKey + " is of district "
                            + key.get().districtId() + ", not " + district);
                }
            }
            String id = clientId != null ? clientId : username != null ? username : "district-server";
            ReceiverSettings settings = new ReceiverSettings(broker, username, password, id, district, shareGroup, maxBackoff,
                    caFile);
            CountDownLatch stop = new CountDownLatch(1);
            try (DistrictDatabase database = db.open();
                 DistrictServer server = DistrictServer.start(database, settings,
                         new DistrictService.LedgerSettings(grace, resendEvery, key), reconcileEvery)) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    stop.countDown();
                    server.close();
                    database.close();
                }));
                System.out.println("district-server " + id + " running for district " + district + " on " + broker
                        + ", database " + database.url());
                stop.await();
            }
            return 0;
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "Person-visits by station, worker category, service and hour, and distinct members.")
    static final class Report implements Callable<Integer> {
        @Mixin
        DbOptions db;
        @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
        Period period;
        @Option(names = "--csv", description = "CSV instead of text")
        boolean csv;
        @Spec
        CommandLine.Model.CommandSpec spec;

        static final class Period {
            @Option(names = "--date", description = "one station-local date, YYYY-MM-DD")
            String date;
            @Option(names = "--month", description = "one month, YYYY-MM")
            String month;
        }

        @Override
        public Integer call() throws Exception {
            LocalDate from;
            LocalDate to;
            try {
                if (period.date != null) {
                    from = LocalDate.parse(period.date);
                    to = from;
                } else {
                    YearMonth m = YearMonth.parse(period.month);
                    from = m.atDay(1);
                    to = m.atEndOfMonth();
                }
            } catch (DateTimeParseException e) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "not a date (YYYY-MM-DD) or month (YYYY-MM): " + e.getParsedString());
            }
            try (DistrictDatabase database = db.open(); Connection c = database.connection()) {
                VisitReport r = new ReportQueries().report(c, from, to);
                PrintWriter out = spec.commandLine().getOut();
                out.print(csv ? ReportFormat.csv(r) : ReportFormat.text(r));
                out.flush();
            }
            return 0;
        }
    }

    @Command(name = "stations", mixinStandardHelpOptions = true,
            description = "Each station: online/offline, last heartbeat, visits waiting at the station, visits stored.")
    static final class Stations implements Callable<Integer> {
        @Mixin
        DbOptions db;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (DistrictDatabase database = db.open(); Connection c = database.connection()) {
                PrintWriter out = spec.commandLine().getOut();
                out.print(StationsFormat.text(new StationStore().list(c), java.time.Instant.now()));
                out.flush();
            }
            return 0;
        }
    }

    @Command(name = "register-key", mixinStandardHelpOptions = true,
            description = "Register (or replace) the Ed25519 key that signs a station's day summaries.")
    static final class RegisterKey implements Callable<Integer> {
        @Mixin
        DbOptions db;
        @Option(names = "--district", required = true)
        int district;
        @Option(names = "--station", required = true)
        String station;
        @Option(names = "--key", required = true, description = "Base64 X.509 public key, as in the station's status message")
        String key;

        @Override
        public Integer call() throws Exception {
            TrustedKey.decodeKey(key); // refuses anything but an Ed25519 public key
            try (DistrictDatabase database = db.open(); Connection c = database.connection()) {
                new StationStore().registerKey(c, district, station, key.strip());
            }
            System.out.println("registered the day-summary key of " + district + "/" + station);
            return 0;
        }
    }

    @Command(name = "reconcile", mixinStandardHelpOptions = true,
            description = "List the open reconciliation findings (gaps, mismatches) of every station.")
    static final class Reconcile implements Callable<Integer> {
        @Mixin
        DbOptions db;
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (DistrictDatabase database = db.open(); Connection c = database.connection()) {
                PrintWriter out = spec.commandLine().getOut();
                var open = new LedgerStore().allOpen(c);
                if (open.isEmpty()) {
                    out.println("no open findings");
                }
                for (LedgerStore.OpenFinding o : open) {
                    var f = o.finding();
                    out.printf("%d/%s %s %s: %s%s%n", f.district(), f.station(), f.day(), f.kind(), f.detail(),
                            o.resendSentAt() == null ? "" : " (resend requested " + o.resendSentAt() + ")");
                }
                out.flush();
                return open.isEmpty() ? 0 : 1;
            }
        }
    }
}
