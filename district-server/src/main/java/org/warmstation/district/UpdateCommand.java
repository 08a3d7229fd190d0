package org.warmstation.district;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.district.update.UpdatePublisher;
import org.warmstation.protocol.card.DistrictKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code district-server update publish}: a signed software update for the district's stations (issue 15). */
@Command(name = "update", mixinStandardHelpOptions = true, description = "Software updates of the stations.",
        subcommands = UpdateCommand.Publish.class)
final class UpdateCommand {

    /** {@code update publish --deb FILE --version V [--group canary|all] --update-key FILE --url-base URL}. */
    @Command(name = "publish", mixinStandardHelpOptions = true,
            description = "Serve a package from this server's console and offer it to the stations: the canary wave"
                    + " (5 % of the stations) first, the rest when every canary reports healthy.")
    static final class Publish extends DistrictDbCommand {
        @Option(names = "--deb", required = true, paramLabel = "FILE", description = "the warm-station-terminal .deb; its version and architecture are read from it")
        Path deb;

        @Option(names = "--version", required = true, paramLabel = "V", description = "its Debian version, e.g. 0.2.0 (checked against the package)")
        String version;

        @Option(names = "--group", defaultValue = "canary", paramLabel = "canary|all",
                description = "canary: 5 %% of the stations first, the rest after they report healthy; all: every"
                        + " station at once (default: ${DEFAULT-VALUE})")
        String group;

        @Option(names = "--update-key", required = true, paramLabel = "FILE",
                description = "the district's update key (station district init --rotate --role update)")
        Path updateKey;

        @Option(names = "--url-base", required = true, paramLabel = "URL",
                description = "the console's address as the stations reach it, e.g. http://10.0.0.5:8080")
        String urlBase;

        @Option(names = "--updates-dir", defaultValue = "updates", paramLabel = "DIR",
                description = "where the published packages are kept and served from (default: ${DEFAULT-VALUE})")
        Path updatesDir;

        @Override
        public Integer call() throws Exception {
            boolean canary = switch (group.toLowerCase(Locale.ROOT)) {
                case "canary" -> true;
                case "all" -> false;
                default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--group must be canary or all (found '" + group + "')");
            };
            DistrictKey key = DistrictKey.fromPem(java.nio.file.Files.readString(updateKey));
            UpdatePublisher.checkPackage(deb, version); // before the database starts: a wrong file fails at once
            try (DistrictDatabase database = db.open()) {
                var published = new UpdatePublisher(database, district).publish(new UpdatePublisher.Request(deb, version,
                        canary, key, urlBase, updatesDir), "cli:" + System.getProperty("user.name", "unknown"), Instant.now());
                var out = spec.commandLine().getOut();
                out.printf("update %s for %s (%d bytes, SHA-256 %s) at %s%n", version, published.manifest().architecture(),
                        published.manifest().size(), published.manifest().sha256(), published.manifest().url());
                out.printf("offered to %d of %d station(s)%s%n", published.offeredTo().size(), published.stations(),
                        canary ? " (canary wave: " + String.join(", ", published.offeredTo()) + ")" : "");
                if (published.others() > 0) {
                    out.printf("%d other station(s) run on another architecture or have this version in another"
                            + " architecture's release: publish their package of %s as well%n", published.others(), version);
                }
                out.flush();
            }
            return 0;
        }
    }
}
