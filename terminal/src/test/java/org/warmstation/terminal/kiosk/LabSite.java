package org.warmstation.terminal.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.warmstation.district.DistrictServer;
import org.warmstation.district.DistrictService;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.district.enroll.BrokerCredentials;
import org.warmstation.district.mqtt.ReceiverSettings;
import org.warmstation.mqtt.LabPki;
import org.warmstation.mqtt.MosquittoBroker;
import org.warmstation.mqtt.MosquittoPasswordFile;
import org.warmstation.provisioning.CliRun;
import org.warmstation.provisioning.enroll.EnrollmentIssuer;
import org.warmstation.terminal.StationCli;

/**
 * The district's side of the enrollment end-to-end tests ({@link EnrollmentOneTimeE2eTest},
 * {@link ReenrollAfterDamageE2eTest}): a test CA and the broker's certificate (openssl), two free
 * ports (TLS for the stations, loopback for the district server), Mosquitto's password file with
 * the district server's login, and the office's district key ({@code station district init}).
 *
 * @param dir              the test's folder
 * @param district         the district
 * @param pki              CA and broker certificate
 * @param tlsPort          the stations' TLS listener
 * @param localPort        the district server's loopback listener
 * @param passwd           Mosquitto's password file
 * @param districtPassword the district server's broker password
 * @param office           the office folder: district key and trust list
 */
record LabSite(Path dir, int district, Path pki, int tlsPort, int localPort, Path passwd, String districtPassword,
               Path office) {
    /**
     * Makes the certificates, the password file and the district key. Blocks on openssl and the CLI.
     *
     * @param dir      the test's folder
     * @param district the district
     * @return the site, nothing started yet
     * @throws Exception when openssl or the CLI fails
     */
    static LabSite prepare(Path dir, int district) throws Exception {
        Path pki = dir.resolve("pki");
        LabPki.ca(pki, "ca");
        LabPki.server(pki, "broker", "IP:127.0.0.1");
        Path passwd = dir.resolve("mosquitto/warmstation.passwd");
        String districtPassword = EnrollmentIssuer.credential();
        new MosquittoPasswordFile(passwd).put("district-a", districtPassword.toCharArray());
        Path office = dir.resolve("office");
        assertEquals(0, CliRun.run(StationCli.commandLine(), "district", "init", "--district",
                Integer.toString(district), "--dir", office.toString()).exitCode());
        return new LabSite(dir, district, pki, MosquittoBroker.freePort(), MosquittoBroker.freePort(), passwd,
                districtPassword, office);
    }

    /**
     * @return Mosquitto with the TLS and loopback listeners, the shipped ACL and the password file
     * @throws Exception when it does not start
     */
    MosquittoBroker broker() throws Exception {
        return EnrollmentOneTimeE2eTest.broker(dir.resolve("mosquitto"), tlsPort, localPort, pki, passwd);
    }

    /**
     * @param db     the district's database
     * @param broker the broker, reloaded when the district writes a password
     * @param grace  the ledger's grace before a day is reconciled
     * @return the district server, connected on the loopback listener
     * @throws Exception when it does not start
     */
    DistrictServer district(DistrictDatabase db, MosquittoBroker broker, Duration grace) throws Exception {
        return DistrictServer.start(db, new ReceiverSettings("tcp://127.0.0.1:" + localPort, "district-a",
                        districtPassword, "district-a", district, "district", Duration.ofSeconds(2)),
                new DistrictService.LedgerSettings(grace, Duration.ofMinutes(5), Optional.empty()),
                Duration.ofMinutes(5), Optional.of(new BrokerCredentials(new MosquittoPasswordFile(passwd), broker::reload)));
    }
}
