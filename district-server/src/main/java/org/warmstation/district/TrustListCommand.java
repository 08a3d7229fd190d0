package org.warmstation.district;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.warmstation.district.cards.TrustListPush;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.protocol.card.TrustList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code district-server trust-list push FILE}: a new trust list to every station. */
@Command(name = "trust-list", mixinStandardHelpOptions = true, description = "Send a new trust list to the stations.",
        subcommands = TrustListCommand.Push.class)
final class TrustListCommand {

    /** {@code trust-list push FILE --district ID}. */
    @Command(name = "push", mixinStandardHelpOptions = true,
            description = "Queue the trust list (from `station district init [--rotate]`) for every station of the district.")
    static final class Push extends DistrictDbCommand {
        @Parameters(index = "0", paramLabel = "FILE", description = "trust-list.txt")
        Path file;

        @Override
        public Integer call() throws Exception {
            TrustList list = TrustList.parse(Files.readString(file, StandardCharsets.UTF_8));
            try (DistrictDatabase database = db.open()) {
                int n = new TrustListPush(database, district).push(list, "cli:" + System.getProperty("user.name", "unknown"),
                        Instant.now());
                spec.commandLine().getOut().printf("trust list version %d (%d keys) queued for %d station(s)%n",
                        list.version(), list.keys().size(), n);
                spec.commandLine().getOut().flush();
            }
            return 0;
        }
    }
}
