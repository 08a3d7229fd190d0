package org.warmstation.district;

import java.nio.file.Path;
import java.util.Optional;
import org.warmstation.district.enroll.BrokerCredentials;
import org.warmstation.mqtt.BrokerReload;
import org.warmstation.mqtt.MosquittoPasswordFile;
import picocli.CommandLine.Option;

/** The options naming the broker's password file the district keeps (decision 0182). */
final class BrokerFileOptions {
    @Option(names = "--broker-passwd", paramLabel = "FILE",
            description = "the broker's password_file, which this server keeps: station passwords set at enrollment "
                    + "(decision 0182); without it no enrollment is answered")
    Path passwd;

    @Option(names = "--broker-pid-file", paramLabel = "FILE",
            description = "the broker's pid_file: send it SIGHUP after each change (needs the right to signal it); "
                    + "without it the systemd path unit warmstation-passwd.path reloads the broker")
    Path pidFile;

    /** @return the credentials to keep, or empty without {@code --broker-passwd} */
    Optional<BrokerCredentials> credentials() {
        if (passwd == null) {
            return Optional.empty();
        }
        return Optional.of(new BrokerCredentials(new MosquittoPasswordFile(passwd),
                pidFile == null ? BrokerReload.NONE : BrokerReload.signalling(pidFile)));
    }
}
