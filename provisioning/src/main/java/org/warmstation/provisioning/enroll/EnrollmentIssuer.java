package org.warmstation.provisioning.enroll;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.warmstation.kiosk.config.ConfigException;
import org.warmstation.kiosk.config.StationConfig;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.enroll.EnrollmentToken;
import org.warmstation.protocol.enroll.StationEnrollment;
import java.nio.charset.StandardCharsets;
import org.warmstation.mqtt.MosquittoPasswordLine;
import org.warmstation.mqtt.TlsSockets;
import org.warmstation.protocol.enroll.EnrollmentRegister;
import org.warmstation.protocol.wire.EnrollTopics;
import org.warmstation.provisioning.ProvisioningException;
import org.warmstation.provisioning.cards.PngFiles;
import org.warmstation.provisioning.district.DistrictKeyFiles;
import org.warmstation.provisioning.files.SafeFiles;

/**
 * Issues a station enrollment code (decisions 0060, 0180, 0181): checks the station's values by the
 * rules of the station configuration, reads the broker CA's pin from its certificate file (an
 * {@code ssl://} broker; a {@code tcp://} one only in lab mode), draws a new random credential for
 * the code's enrollment account, signs the code with the district key, and writes
 * {@code enroll-STATIONID.png} (mode rw-------: it carries the credential) and
 * {@code enroll-STATIONID.register} (mode rw-------: the code's id and the account's password hash),
 * which the district imports with {@code district-server enrollment register}. Nobody pastes a
 * password or ACL line. Blocks on file I/O.
 */
public final class EnrollmentIssuer {
    /** Default validity of a code. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofHours(72);
    /** Longest validity accepted. */
    public static final Duration MAX_VALIDITY = Duration.ofDays(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * What the technician gave.
     *
     * @param keyFile   the district key file
     * @param id        station id, e.g. CY-0042
     * @param name      station name, Chinese allowed
     * @param latitude  decimal degrees as typed
     * @param longitude decimal degrees as typed
     * @param brokerUrl the district broker as the station reaches it
     * @param validity  how long the code may be used
     * @param outDir    where the image goes
     * @param caFile    the broker's CA certificate (PEM), whose SHA-256 the code pins; required for
     *                  {@code ssl://}, null for {@code tcp://}
     * @param insecureLab whether a {@code tcp://} broker is allowed (a lab; the terminal must run
     *                  with {@code --insecure-lab} too)
     */
    public record Request(Path keyFile, String id, String name, String latitude, String longitude, String brokerUrl,
                          Duration validity, Path outDir, Path caFile, boolean insecureLab) {
    }

    /**
     * What was issued.
     *
     * @param enrollment   the signed content (its credential is the station's broker password)
     * @param token        the QR text
     * @param qrVersion    QR version at level M
     * @param image        the written PNG
     * @param register     what the district imports: the code's id and its account's password hash
     * @param registerFile where the register was written
     */
    public record Issued(StationEnrollment enrollment, String token, int qrVersion, Path image,
                         EnrollmentRegister register, Path registerFile) {
    }

    private EnrollmentIssuer() {
    }

    /**
     * @param r   the request
     * @param now the issue instant (the code expires at now + validity, whole seconds)
     * @return what was issued
     * @throws ProvisioningException (usage) for a bad value (naming the option), an unreadable key or a
     *                               code too big to print; (failed) when the image cannot be written
     */
    public static Issued issue(Request r, Instant now) throws ProvisioningException {
        if (r.validity().isNegative() || r.validity().isZero() || r.validity().compareTo(MAX_VALIDITY) > 0) {
            throw usage("--valid: must be more than zero and at most " + MAX_VALIDITY + " (found " + r.validity() + ")");
        }
        DistrictKey key = DistrictKeyFiles.readKey(r.keyFile());
        StationConfig checked = check(r, key.districtId());
        String pin = pin(r);
        String credential = credential();
        StationEnrollment e;
        try {
            e = new StationEnrollment(key.districtId(), checked.stationId(), checked.stationName(), checked.latitude(),
                    checked.longitude(), checked.brokerUrl().toString(), credential,
                    now.plus(r.validity()).truncatedTo(ChronoUnit.SECONDS), key.keyId(), pin);
        } catch (IllegalArgumentException ex) {
            throw usage(ex.getMessage());
        }
        String token = EnrollmentToken.sign(e, key.privateKey());
        int version;
        java.awt.image.BufferedImage image;
        try {
            version = EnrollmentSheet.qrVersion(token);
            image = EnrollmentSheet.render(e, token);
        } catch (IllegalArgumentException | IllegalStateException ex) {
            throw usage(ex.getMessage());
        }
        Path png = r.outDir().toAbsolutePath().resolve("enroll-" + e.stationId() + ".png");
        Path registerFile = png.resolveSibling("enroll-" + e.stationId() + ".register");
        EnrollmentRegister register = new EnrollmentRegister(EnrollmentToken.codeId(e), e.districtId(), e.stationId(),
                e.expiresAt(), MosquittoPasswordLine.of(EnrollTopics.account(e.stationId()), credential.toCharArray()));
        try {
            Files.createDirectories(png.getParent());
            ownerOnly(png);
            PngFiles.write(image, png, EnrollmentSheet.DPI); // keeps the owner-only mode
            ownerOnly(registerFile);
            Files.writeString(registerFile, register.format(), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new ProvisioningException(ProvisioningException.FAILED, "cannot write " + png + ": " + ex, ex);
        }
        return new Issued(e, token, version, png, register, registerFile);
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(SafeFiles.OWNER_ONLY));
        } catch (FileAlreadyExistsException replaced) {
            Files.setPosixFilePermissions(file, SafeFiles.OWNER_ONLY);
        }
    }

    private static String pin(Request r) throws ProvisioningException {
        boolean tcp = r.brokerUrl().regionMatches(true, 0, "tcp://", 0, 6);
        if (tcp) {
            if (!r.insecureLab()) {
                throw usage("--broker " + r.brokerUrl() + ": tcp:// is unencrypted; give an ssl:// broker with "
                        + "--ca-file, or --insecure-lab for a lab");
            }
            if (r.caFile() != null) {
                throw usage("--ca-file: only for an ssl:// broker");
            }
            return null;
        }
        if (r.caFile() == null) {
            throw usage("--ca-file FILE is required for an ssl:// broker: the code pins that CA (decision 0180)");
        }
        try {
            return TlsSockets.fingerprint(r.caFile());
        } catch (IllegalArgumentException ex) {
            throw usage("--ca-file: " + ex.getMessage());
        }
    }

    private static StationConfig check(Request r, int district) throws ProvisioningException {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("station.id", r.id());
        p.put("station.name", r.name());
        p.put("district.id", Integer.toString(district));
        p.put("location.latitude", r.latitude());
        p.put("location.longitude", r.longitude());
        p.put("broker.url", r.brokerUrl());
        p.put("trust.file", DistrictKeyFiles.TRUST_LIST);
        try {
            return StationConfig.parse(p, r.outDir().toAbsolutePath().resolve("station.properties"));
        } catch (ConfigException ex) {
            Map<String, String> option = Map.of("station.id", "--id", "station.name", "--name",
                    "location.latitude", "--lat", "location.longitude", "--lon", "broker.url", "--broker");
            StringBuilder sb = new StringBuilder("invalid station settings:");
            for (var problem : ex.problems()) {
                sb.append("\n  ").append(option.getOrDefault(problem.key(), problem.key())).append(" (")
                        .append(problem.key()).append("): ").append(problem.message());
            }
            throw new ProvisioningException(ProvisioningException.USAGE, sb.toString(), ex);
        }
    }

    /**
     * A new MQTT password, as an enrollment draws for its station (also the district's test
     * credentials). Thread-safe.
     *
     * @return 24 random characters of the Base64url alphabet (144 bits)
     */
    public static String credential() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static ProvisioningException usage(String message) {
        return new ProvisioningException(ProvisioningException.USAGE, message);
    }
}
