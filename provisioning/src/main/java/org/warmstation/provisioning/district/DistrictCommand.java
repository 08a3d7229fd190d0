package org.warmstation.provisioning.district;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.warmstation.provisioning.ProvisioningException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code station district ...}: the district's signing keys. */
@Command(name = "district", description = "District signing keys and trust list (office computer).",
        mixinStandardHelpOptions = true, subcommands = DistrictCommand.Init.class)
public final class DistrictCommand {

    /** {@code district init}: thin wrapper of {@link DistrictKeyFiles#init}. */
    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Create the district's card key and downlink key (mode 600) and its trust list, or rotate one (--rotate --role).")
    static final class Init implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--district", required = true, paramLabel = "ID",
                description = "6-digit administrative division code, e.g. 110105")
        String district;

        @Option(names = "--dir", required = true, paramLabel = "DIR",
                description = "folder for district-ID.key and trust-list.txt (keep it offline)")
        Path dir;

        @Option(names = "--rotate", description = "add a new key although one exists; the old key is kept")
        boolean rotate;

        @Option(names = "--role", defaultValue = "card", paramLabel = "card|downlink|update",
                description = "with --rotate: the key to rotate: card (cards and enrollment codes, the office key;"
                        + " old cards stay valid), downlink (the district server's key; replaced in the trust list)"
                        + " or update (the release key signing software update manifests; the first one is made so)"
                        + " (default: ${DEFAULT-VALUE})")
        String role;

        @Override
        public Integer call() {
            try {
                int id = DistrictKeyFiles.parseDistrictId(district);
                DistrictKeyFiles.Role r0 = parseRole(role);
                var r = DistrictKeyFiles.init(id, dir, rotate, r0, Instant.now());
                var out = spec.commandLine().getOut();
                boolean downlink = r.keyFile().getFileName().toString().endsWith("-downlink.key");
                boolean update = r.keyFile().getFileName().toString().endsWith("-update.key");
                out.printf("district %d: new %s key %04x in %s (mode 600; %s)%n", id,
                        update ? "update" : downlink ? "downlink" : "card", r.key().keyId(), r.keyFile(),
                        update ? "signs software updates: give it to `district-server update publish --update-key`"
                                : downlink ? "copy it to the district server (--district-key)"
                                : "signs cards and enrollment codes: keep it offline and backed up");
                r.downlinkKeyFile().ifPresent(f -> out.printf("district %d: downlink key in %s (mode 600; copy it to"
                        + " the district server, --district-key)%n", id, f));
                r.archived().ifPresent(a -> out.printf("previous key kept as %s%s%n", a,
                        downlink || update ? "; no longer in the trust list" : "; cards it signed stay valid until they expire"));
                out.printf("trust list %s version %d with %d key(s): send it with `district-server trust-list push`"
                        + " (or copy it to new stations)%n", r.trustFile(), r.trustList().version(), r.trustList().keys().size());
                return 0;
            } catch (ProvisioningException e) {
                spec.commandLine().getErr().println("district init: " + e.getMessage());
                return e.exitCode();
            }
        }

        private static DistrictKeyFiles.Role parseRole(String text) throws ProvisioningException {
            return switch (text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "card" -> DistrictKeyFiles.Role.CARD;
                case "downlink" -> DistrictKeyFiles.Role.DOWNLINK;
                case "update" -> DistrictKeyFiles.Role.UPDATE;
                default -> throw new ProvisioningException(ProvisioningException.USAGE,
                        "--role must be card, downlink or update (found '" + text + "')");
            };
        }
    }
}
