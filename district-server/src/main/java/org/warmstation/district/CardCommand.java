package org.warmstation.district;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.warmstation.district.cards.CardRevocations;
import org.warmstation.district.cards.RevocationReason;
import org.warmstation.district.db.DistrictDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code district-server card revoke|list-revoked|register}: card revocation from the command line.
 * The new deny list is queued for every station; the running {@code district-server run} signs and
 * sends it (this process needs neither the key nor the broker).
 */
@Command(name = "card", mixinStandardHelpOptions = true, description = "Revoke member cards (deny list).",
        subcommands = {CardCommand.Revoke.class, CardCommand.ListRevoked.class, CardCommand.Register.class})
final class CardCommand {

    /** {@code card revoke SERIAL --reason lost|stolen|left-union}. */
    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke a card: deny-list version N+1, sent to every station of the district (offline ones on reconnect).")
    static final class Revoke extends DistrictDbCommand {
        @Parameters(index = "0", paramLabel = "SERIAL", description = "the card serial (printed on the card)")
        long serial;
        @Option(names = "--reason", required = true, description = "lost, stolen or left-union")
        String reason;
        @Option(names = "--by", description = "who revokes it (default: cli:$USER)")
        String by;

        @Override
        public Integer call() throws Exception {
            RevocationReason r = RevocationReason.parse(reason);
            String who = by != null ? by : "cli:" + System.getProperty("user.name", "unknown");
            try (DistrictDatabase database = db.open()) {
                CardRevocations.Result res = new CardRevocations(database, district).revoke(serial, r, who, Instant.now());
                spec.commandLine().getOut().printf("card %d revoked (%s): deny-list version %d queued for %d station(s);"
                        + " the running district server sends it, offline stations get it when they reconnect%n",
                        serial, r.label(), res.version(), res.stations());
                spec.commandLine().getOut().flush();
            }
            return 0;
        }
    }

    /** {@code card list-revoked}. */
    @Command(name = "list-revoked", mixinStandardHelpOptions = true, description = "List the revoked cards, newest first.")
    static final class ListRevoked extends DistrictDbCommand {

        @Override
        public Integer call() throws Exception {
            try (DistrictDatabase database = db.open()) {
                CardRevocations cards = new CardRevocations(database, district);
                var out = spec.commandLine().getOut();
                out.printf("deny-list version %d%n", cards.currentVersion());
                out.println("serial\treason\trevoked_at\trevoked_by\tversion");
                for (CardRevocations.Revoked r : cards.revoked()) {
                    out.printf("%d\t%s\t%s\t%s\t%d%n", r.serial(), r.reason().label(), r.revokedAt(), r.revokedBy(),
                            r.listVersion());
                }
                out.flush();
            }
            return 0;
        }
    }

    /** {@code card register FILE}: the issuing office's {@code issued-cards.csv}. */
    @Command(name = "register", mixinStandardHelpOptions = true,
            description = "Import card serials from the issuing office's issued-cards.csv (first column), so that cards not yet seen in a visit can be revoked.")
    static final class Register extends DistrictDbCommand {
        @Parameters(index = "0", paramLabel = "FILE", description = "issued-cards.csv (a header line is skipped)")
        Path file;

        @Override
        public Integer call() throws Exception {
            List<Long> serials = serials(file);
            try (DistrictDatabase database = db.open()) {
                int added = new CardRevocations(database, district).register(serials);
                spec.commandLine().getOut().printf("%d serial(s) read, %d new in the card register of district %d%n",
                        serials.size(), added, district);
                spec.commandLine().getOut().flush();
            }
            return 0;
        }

        static List<Long> serials(Path file) throws IOException {
            List<Long> out = new ArrayList<>();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String first = lines.get(i).split(",", 2)[0].strip();
                if (first.isEmpty() || first.startsWith("#") || (i == 0 && first.equals("serial"))) {
                    continue;
                }
                try {
                    out.add(Long.parseLong(first));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + " line " + (i + 1) + ": '" + first + "' is not a card serial");
                }
            }
            return out;
        }
    }
}
