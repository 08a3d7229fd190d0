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
            description = "Create the district's signing key (mode 600) and its trust list.")
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

        @Override
        public Integer call() {
            try {
                int id = DistrictKeyFiles.parseDistrictId(district);
                var r = DistrictKeyFiles.init(id, dir, rotate, Instant.now());
                var out = spec.commandLine().getOut();
                out.printf("district %d: new key %04x in %s (mode 600; keep it offline and backed up)%n",
                        id, r.key().keyId(), r.keyFile());
                r.archived().ifPresent(a -> out.printf("previous key kept as %s; cards it signed stay valid%n", a));
                out.printf("trust list %s with %d key(s): copy it to every station%n",
                        r.trustFile(), r.trustList().keys().size());
                return 0;
            } catch (ProvisioningException e) {
                spec.commandLine().getErr().println("district init: " + e.getMessage());
                return e.exitCode();
            }
        }
    }
}
