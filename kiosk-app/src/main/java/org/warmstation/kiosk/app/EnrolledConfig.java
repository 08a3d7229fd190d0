package org.warmstation.kiosk.app;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.warmstation.kiosk.config.ConfigException;
import org.warmstation.kiosk.config.PendingEnrollment;
import org.warmstation.kiosk.config.StationConfig;
import org.warmstation.protocol.enroll.StationEnrollment;
import org.warmstation.visitlog.secret.PasswordFile;

/**
 * Writes the station configuration of a verified enrollment: station id, name, district, location
 * and broker URL from the code, {@code broker.ca.pin} = the code's CA pin ({@code ssl://}) or
 * {@code broker.insecure-lab=true} ({@code tcp://}, only when the terminal runs in lab mode),
 * {@code broker.username} = the station id, {@code broker.password.file} =
 * {@value PasswordFile#DEFAULT_NAME} beside the file ({@link PasswordFile}, mode 600; the
 * configuration holds no password, decision 0201), which the district's first answer fills
 * (decision 0181: the code's credential is
 * only the enrollment account's, kept in {@link PendingEnrollment} until then), {@code trust.file}
 * = {@value #TRUST_LIST} beside the file (copied there when the terminal's trust list lives
 * elsewhere), the other keys at their defaults or as given. The file is written atomically
 * ({@link StationConfig#write}). Blocks on file I/O.
 */
public final class EnrolledConfig {
    /** The trust list's name beside the configuration, as {@code station init} names it. */
    public static final String TRUST_LIST = "trust-list.txt";
    /** The key of {@code extra} that allows a {@code tcp://} code (lab mode). */
    public static final String INSECURE_LAB = "broker.insecure-lab";

    private EnrolledConfig() {
    }

    /**
     * @param e          the verified enrollment
     * @param file       the configuration file to write; must not exist
     * @param trustList  the trust list the code was verified with
     * @param extra      further keys (e.g. {@code scanner.*}, {@code data.dir}); the enrollment's keys win
     * @return the configuration as read back from the written file
     * @throws IOException              when the file exists already, or a file cannot be written
     * @throws IllegalArgumentException when a value of the code breaks a rule of the configuration
     *                                  file (the message names the key), or the code's broker is
     *                                  {@code tcp://} and {@code extra} does not allow lab mode
     */
    public static StationConfig write(StationEnrollment e, Path file, Path trustList, Map<String, String> extra)
            throws IOException {
        Path target = file.toAbsolutePath();
        if (Files.exists(target)) {
            throw new IOException(target + " exists already; not replaced");
        }
        boolean lab = "true".equals(extra.get(INSECURE_LAB));
        if (e.insecure() && !lab) {
            throw new IllegalArgumentException(insecureRefusal(e.brokerUrl()));
        }
        Map<String, String> p = new LinkedHashMap<>(extra);
        p.remove(INSECURE_LAB);
        p.put("station.id", e.stationId());
        p.put("station.name", e.stationName());
        p.put("district.id", Integer.toString(e.districtId()));
        p.put("location.latitude", Double.toString(e.latitude()));
        p.put("location.longitude", Double.toString(e.longitude()));
        p.put("broker.url", e.brokerUrl());
        p.put("broker.username", e.stationId());
        p.remove("broker.password");
        p.put("broker.password.file", PasswordFile.DEFAULT_NAME);
        if (e.caPin() != null) {
            p.put("broker.ca.pin", e.caPin());
        } else {
            p.put(INSECURE_LAB, "true");
        }
        p.put("trust.file", TRUST_LIST);
        StationConfig config;
        try {
            config = StationConfig.parse(p, target);
        } catch (ConfigException ex) {
            throw new IllegalArgumentException(ex.getMessage(), ex);
        }
        Files.createDirectories(target.getParent());
        Path trustCopy = config.trustFile();
        if (!Files.exists(trustCopy) || !Files.isSameFile(trustCopy, trustList)) {
            Path tmp = Files.createTempFile(trustCopy.getParent(), "." + TRUST_LIST, ".tmp");
            try {
                Files.copy(trustList, tmp, StandardCopyOption.REPLACE_EXISTING);
                try {
                    Files.move(tmp, trustCopy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException ex) {
                    Files.move(tmp, trustCopy, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        // the pending enrollment first: a configuration never exists without it or the password file
        PendingEnrollment.of(org.warmstation.protocol.enroll.EnrollmentToken.codeId(e), e.credential())
                .write(PendingEnrollment.fileFor(config));
        config.write(target);
        try {
            return StationConfig.load(target);
        } catch (ConfigException ex) {
            throw new IOException("the written configuration does not read back: " + ex.getMessage(), ex);
        }
    }

    /**
     * @param url the code's broker URL
     * @return why a terminal not in lab mode refuses a {@code tcp://} code, in Chinese and English
     */
    public static String insecureRefusal(String url) {
        return "此注册码使用未加密连接（" + url + "），仅限实验室：请用 --insecure-lab 启动终端 / This code uses an "
                + "unencrypted connection (" + url + "), for a lab only: start the terminal with --insecure-lab";
    }
}
