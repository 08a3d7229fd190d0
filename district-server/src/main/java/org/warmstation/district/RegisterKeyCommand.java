package org.warmstation.district;

import java.util.concurrent.Callable;
import org.warmstation.district.db.EpochStore;
import org.warmstation.protocol.card.TrustedKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code district-server register-key}: stores the key that signs a station's day summaries, for
 * its current visit-log epoch (or {@code --epoch}); the fallback for a terminal that cannot enroll
 * (an enrollment registers key and epoch by itself, decision 0195).
 */
@Command(name = "register-key", mixinStandardHelpOptions = true,
        description = {"Register (or replace) the Ed25519 key that signs a station's day summaries,",
                "for its current visit-log epoch (or --epoch). An enrollment does this by itself."})
final class RegisterKeyCommand implements Callable<Integer> {
    @Mixin
    DbOptions db;
    @Option(names = "--district", required = true)
    int district;
    @Option(names = "--station", required = true)
    String station;
    @Option(names = "--key", required = true, description = "Base64 X.509 public key, as in the station's status message")
    String key;
    @Option(names = "--epoch", paramLabel = "UUID",
            description = "the visit-log epoch the key signs (default: the station's current epoch)")
    java.util.UUID epoch;
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        TrustedKey.decodeKey(key); // refuses anything but an Ed25519 public key
        db.withConnection(spec, (c, out) -> {
            EpochStore epochs = new EpochStore();
            java.util.UUID e = epoch != null ? epoch : epochs.current(c, district, station).orElse(EpochStore.NONE);
            epochs.register(c, district, station, e, key.strip(), java.time.Instant.now());
            return null;
        });
        System.out.println("registered the day-summary key of " + district + "/" + station);
        return 0;
    }
}
