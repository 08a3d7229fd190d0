package org.warmstation.district;

import java.util.concurrent.Callable;
import org.warmstation.district.db.StationStore;
import org.warmstation.protocol.card.TrustedKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code district-server register-key}: stores the key that signs a station's day summaries. */
@Command(name = "register-key", mixinStandardHelpOptions = true,
        description = "Register (or replace) the Ed25519 key that signs a station's day summaries.")
final class RegisterKeyCommand implements Callable<Integer> {
    @Mixin
    DbOptions db;
    @Option(names = "--district", required = true)
    int district;
    @Option(names = "--station", required = true)
    String station;
    @Option(names = "--key", required = true, description = "Base64 X.509 public key, as in the station's status message")
    String key;
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        TrustedKey.decodeKey(key); // refuses anything but an Ed25519 public key
        db.withConnection(spec, (c, out) -> {
            new StationStore().registerKey(c, district, station, key.strip());
            return null;
        });
        System.out.println("registered the day-summary key of " + district + "/" + station);
        return 0;
    }
}
