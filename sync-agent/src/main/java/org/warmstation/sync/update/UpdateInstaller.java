package org.warmstation.sync.update;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.wire.SignedUpdate;
import org.warmstation.protocol.wire.UpdateManifest;
import org.warmstation.protocol.wire.UpdateReport;
import org.warmstation.protocol.wire.UpdateReport.State;

/**
 * The root side of a software update ({@code warm-station update apply}, run by
 * {@code warm-station-update.service} when the kiosk asks through {@link UpdateSpool#requestInstall}).
 * Trusts nothing the kiosk user wrote: copies the package into its own folder of kept packages
 * (root's), checks signature, version, size and hash again on that copy, and needs the running
 * version's package kept there for a rollback. Then installs it ({@link PackageSystem#install}),
 * restarts the kiosk and waits up to the health timeout (5 minutes) for the new version to mark
 * itself healthy ({@link UpdateSpool#markHealthy}: kiosk up, camera, broker connected). Not
 * healthy in time, or dpkg failing: the kept previous package is installed again and the kiosk
 * restarted. Every outcome is saved as the {@link UpdateReport}. Blocks for the whole update.
 */
public final class UpdateInstaller {
    /** How long a new version has to report healthy. */
    public static final Duration HEALTH_TIMEOUT = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(UpdateInstaller.class);

    /**
     * @param district the station's district
     * @param trust    the station's trust list
     * @param spool    the kiosk's update folder
     * @param kept     root's folder of kept packages (the running one, for a rollback)
     * @param packages dpkg and systemctl
     * @param clock    wall clock
     * @param timeout  how long the new version has to report healthy ({@link #HEALTH_TIMEOUT})
     * @param poll     how often to look for the health mark
     */
    public record Parts(int district, Supplier<TrustList> trust, UpdateSpool spool, Path kept, PackageSystem packages,
                        InstantSource clock, Duration timeout, Duration poll) {
        /** @throws NullPointerException when a part is missing */
        public Parts {
            Objects.requireNonNull(trust, "trust");
            Objects.requireNonNull(spool, "spool");
            Objects.requireNonNull(kept, "kept");
            Objects.requireNonNull(packages, "packages");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(poll, "poll");
        }
    }

    private final Parts parts;

    /** @param parts what it works with */
    public UpdateInstaller(Parts parts) {
        this.parts = Objects.requireNonNull(parts, "parts");
    }

    /**
     * Carries out the waiting install request, if any, and removes it.
     *
     * @return the outcome, or empty when no request was waiting
     * @throws InterruptedException when interrupted while waiting for the health mark (the request
     *                              stays, so the next run starts over)
     */
    public Optional<UpdateReport> apply() throws InterruptedException {
        Optional<SignedUpdate> request = parts.spool().installRequest();
        if (request.isEmpty()) {
            return Optional.empty();
        }
        String version;
        try {
            version = request.get().unverifiedManifest().version();
        } catch (RuntimeException e) {
            clearRequest();
            LOG.warn("install request unreadable: {}", e.getMessage());
            return Optional.empty();
        }
        UpdateReport outcome;
        try {
            outcome = install(request.get());
        } catch (UpdateRefusedException e) {
            outcome = report(State.REFUSED, version, e.getMessage());
        } catch (IOException e) {
            outcome = report(State.FAILED, version, e.getMessage());
        }
        clearRequest();
        try {
            Files.deleteIfExists(parts.spool().deb(version));
        } catch (IOException e) {
            LOG.warn("downloaded package not removed: {}", e.toString());
        }
        return Optional.of(outcome);
    }

    private UpdateReport install(SignedUpdate request) throws UpdateRefusedException, IOException, InterruptedException {
        Optional<String> installed = parts.packages().installedVersion();
        if (installed.isEmpty()) {
            throw new UpdateRefusedException("the terminal package is not installed");
        }
        UpdateManifest m = PackageCheck.offer(request, parts.trust().get(), parts.district(), installed,
                parts.packages().architecture());
        Path previous = parts.kept().resolve(UpdateSpool.fileName(installed.get()));
        if (!Files.isRegularFile(previous)) {
            throw new UpdateRefusedException("no package of the running version " + installed.get() + " kept in "
                    + parts.kept() + " to roll back to");
        }
        Path source = parts.spool().deb(m.version());
        if (!Files.isRegularFile(source)) {
            throw new UpdateRefusedException("the downloaded package is missing: " + source.getFileName());
        }
        Path copy = parts.kept().resolve(UpdateSpool.fileName(m.version()));
        Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
        try {
            PackageCheck.file(copy, m); // the copy is what dpkg gets: the kiosk user cannot swap it
        } catch (UpdateRefusedException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
        parts.spool().clearHealthy();
        report(State.INSTALLING, m.version(), "installing over " + installed.get() + " (kept for a rollback)");
        try {
            parts.packages().install(copy);
        } catch (IOException e) {
            return rollBack(m, previous, copy, State.FAILED, "dpkg failed: " + e.getMessage());
        }
        try {
            parts.packages().restartKiosk();
        } catch (IOException e) {
            return rollBack(m, previous, copy, State.FAILED, "restart failed: " + e.getMessage());
        }
        Instant start = parts.clock().instant();
        if (awaitHealthy(m.version(), start)) {
            keepOnly(previous, copy);
            long s = Duration.between(start, parts.clock().instant()).toSeconds();
            return report(State.HEALTHY, m.version(), "healthy " + s + " s after the restart (kiosk, camera, broker)");
        }
        return rollBack(m, previous, copy, State.ROLLED_BACK, "not healthy within " + parts.timeout().toSeconds()
                + " s of the restart (kiosk, camera, broker)");
    }

    private boolean awaitHealthy(String version, Instant start) throws InterruptedException {
        Instant deadline = start.plus(parts.timeout());
        while (true) {
            if (parts.spool().healthyVersion().filter(version::equals).isPresent()) {
                return true;
            }
            if (!parts.clock().instant().isBefore(deadline)) {
                return false;
            }
            Thread.sleep(parts.poll().toMillis());
        }
    }

    private UpdateReport rollBack(UpdateManifest m, Path previous, Path copy, State state, String why) throws IOException {
        LOG.warn("update {}: {}; installing the previous package {}", m.version(), why, previous.getFileName());
        parts.packages().install(previous);
        parts.packages().restartKiosk();
        Files.deleteIfExists(copy);
        return report(state, m.version(), why + "; " + previous.getFileName() + " installed again");
    }

    /** Keeps the previous and the new package, removes older ones. */
    private void keepOnly(Path previous, Path current) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(parts.kept(), "*.deb")) {
            for (Path f : files) {
                if (!f.equals(previous) && !f.equals(current)) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    private UpdateReport report(State state, String version, String detail) {
        UpdateReport r = new UpdateReport(state, version, detail, parts.clock().instant());
        LOG.info("update {}: {} ({})", version, state, detail);
        try {
            parts.spool().saveReport(r);
        } catch (IOException e) {
            LOG.warn("update report not saved: {}", e.toString());
        }
        return r;
    }

    private void clearRequest() {
        try {
            parts.spool().clearInstallRequest();
        } catch (IOException e) {
            LOG.warn("install request not removed: {}", e.toString());
        }
    }
}
