package org.warmstation.sync.update;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.warmstation.protocol.wire.SignedUpdate;
import org.warmstation.protocol.wire.UpdateReport;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.protocol.wire.WireFormatException;
import org.warmstation.sync.FileDownlinkApplier;

/**
 * The station's update folder ({@code DATA/update}, owned by the kiosk user), shared by the kiosk's
 * {@link StationUpdater} and the root {@link UpdateInstaller}:
 * <ul>
 *   <li>{@code offer.json}: the signed manifest being worked on;</li>
 *   <li>{@code VERSION.deb.part} while downloading, then {@code VERSION.deb};</li>
 *   <li>{@code install-request.json}: the verified offer handed to the installer (its presence
 *       starts {@code warm-station-update.service} through a systemd path unit);</li>
 *   <li>{@code report.json}: the latest {@link UpdateReport}, written by either side;</li>
 *   <li>{@code healthy}: the version whose kiosk last found itself healthy (kiosk, camera, broker).</li>
 * </ul>
 * Every file is written atomically ({@link FileDownlinkApplier#write}). Blocks on the file system;
 * thread-safe as far as the file system is (each write replaces a whole file).
 */
public final class UpdateSpool {
    /** Name of the folder in the station's data directory. */
    public static final String DIRECTORY = "update";
    /** The file whose presence asks the installer to run. */
    public static final String INSTALL_REQUEST = "install-request.json";

    private final Path dir;

    /** @param dir the update folder; created on first write */
    public UpdateSpool(Path dir) {
        this.dir = dir.toAbsolutePath();
    }

    /**
     * @param dataDirectory the station's data directory
     * @return its update folder
     */
    public static UpdateSpool in(Path dataDirectory) {
        return new UpdateSpool(dataDirectory.resolve(DIRECTORY));
    }

    /** @return the folder */
    public Path directory() {
        return dir;
    }

    /**
     * @param version a package version
     * @return the partial download of it
     */
    public Path part(String version) {
        return dir.resolve(fileName(version) + ".part");
    }

    /**
     * @param version a package version
     * @return the complete, verified download of it
     */
    public Path deb(String version) {
        return dir.resolve(fileName(version));
    }

    /**
     * @param version a package version
     * @return a file name for its package, {@code warm-station-terminal_VERSION.deb} (an epoch's
     *         colon replaced)
     */
    public static String fileName(String version) {
        return "warm-station-terminal_" + version.replace(':', '%') + ".deb";
    }

    /** @return the offer being worked on, or empty (none, or unreadable) */
    public Optional<SignedUpdate> offer() {
        return read("offer.json", SignedUpdate.class);
    }

    /**
     * @param offer the new offer
     * @throws IOException when it cannot be written
     */
    public void saveOffer(SignedUpdate offer) throws IOException {
        write("offer.json", Wire.encode(offer));
    }

    /** @return the latest report, or empty when there is none (or it is unreadable) */
    public Optional<UpdateReport> report() {
        return read("report.json", UpdateReport.class);
    }

    /**
     * @param report the new report
     * @throws IOException when it cannot be written
     */
    public void saveReport(UpdateReport report) throws IOException {
        write("report.json", Wire.encode(report));
    }

    /** @return the offer waiting for the installer, or empty */
    public Optional<SignedUpdate> installRequest() {
        return read(INSTALL_REQUEST, SignedUpdate.class);
    }

    /**
     * @param offer the verified offer whose {@link #deb} is ready
     * @throws IOException when it cannot be written
     */
    public void requestInstall(SignedUpdate offer) throws IOException {
        write(INSTALL_REQUEST, Wire.encode(offer));
    }

    /** @throws IOException when the request cannot be removed */
    public void clearInstallRequest() throws IOException {
        Files.deleteIfExists(dir.resolve(INSTALL_REQUEST));
    }

    /**
     * @param version the running version, found healthy
     * @throws IOException when it cannot be written
     */
    public void markHealthy(String version) throws IOException {
        write("healthy", version.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the version last marked healthy, or empty */
    public Optional<String> healthyVersion() {
        try {
            return Optional.of(Files.readString(dir.resolve("healthy"), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** @throws IOException when the mark cannot be removed */
    public void clearHealthy() throws IOException {
        Files.deleteIfExists(dir.resolve("healthy"));
    }

    /**
     * Writes a file atomically; written by root (the installer), it is given to the folder's owner
     * (the kiosk user), who must read and later replace it.
     */
    private void write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        FileDownlinkApplier.write(file, bytes);
        try {
            java.nio.file.attribute.UserPrincipal owner = Files.getOwner(dir);
            if (!Files.getOwner(file).equals(owner)) {
                Files.setOwner(file, owner);
            }
        } catch (UnsupportedOperationException e) {
            // a file system without owners: nothing to give
        }
    }

    private <T> Optional<T> read(String name, Class<T> type) {
        try {
            return Optional.of(Wire.decode(Files.readAllBytes(dir.resolve(name)), type));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | WireFormatException e) {
            return Optional.empty();
        }
    }
}
