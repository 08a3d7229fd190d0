package org.warmstation.sync.update;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.wire.DebianVersion;
import org.warmstation.protocol.wire.SignedUpdate;
import org.warmstation.protocol.wire.UpdateManifest;
import org.warmstation.protocol.wire.UpdateReport;
import org.warmstation.protocol.wire.WireFormatException;

/**
 * The checks an update passes before anything is installed, the same at the kiosk and again at
 * the root installer: signature by an update key of the district, a version higher than the
 * installed one, a package for this machine's architecture (before anything is downloaded,
 * decision 0255), and the downloaded file's size and SHA-256. Each failure is an
 * {@link UpdateRefusedException} naming it. Blocks reading the file.
 */
public final class PackageCheck {
    private PackageCheck() {
    }

    /**
     * @param offer     the signed manifest
     * @param trust     the station's trust list
     * @param district  the station's district
     * @param installed the installed version, or empty when none is known
     * @param architecture this machine's Debian architecture, or empty when unknown
     * @return the verified manifest
     * @throws UpdateRefusedException when the signature does not verify (or is not by an update
     *                                key), the version is not higher than the installed one, or
     *                                the package is for another architecture
     */
    public static UpdateManifest offer(SignedUpdate offer, TrustList trust, int district, Optional<String> installed,
                                       Optional<String> architecture) throws UpdateRefusedException {
        UpdateManifest m;
        try {
            m = offer.verify(trust, district);
        } catch (WireFormatException e) {
            throw new UpdateRefusedException("bad signature: " + e.getMessage(), e);
        }
        if (installed.isPresent() && DebianVersion.SYNTAX.matcher(installed.get()).matches()
                && DebianVersion.compare(m.version(), installed.get()) <= 0) {
            throw new UpdateRefusedException("version " + m.version() + " is not higher than the installed "
                    + installed.get());
        }
        if (architecture.isPresent() && !m.installableOn(architecture.get())) {
            // worded so that the district can read the terminal's architecture (decision 0295)
            throw new UpdateRefusedException(UpdateReport.wrongArchitecture(m.architecture(), architecture.get()));
        }
        return m;
    }

    /**
     * @param deb      the downloaded file
     * @param manifest what it must be
     * @throws UpdateRefusedException when its size or SHA-256 differs
     * @throws IOException            when it cannot be read
     */
    public static void file(Path deb, UpdateManifest manifest) throws UpdateRefusedException, IOException {
        long size = Files.size(deb);
        if (size != manifest.size()) {
            throw new UpdateRefusedException("wrong size: " + size + " bytes, the manifest says " + manifest.size());
        }
        String hash = sha256(deb);
        if (!hash.equals(manifest.sha256())) {
            throw new UpdateRefusedException("wrong hash: SHA-256 " + hash + ", the manifest says " + manifest.sha256());
        }
    }

    /**
     * @param file a file
     * @return its SHA-256 as 64 lower-case hex digits
     * @throws IOException when it cannot be read
     */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) >= 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
