package org.warmstation.sync.update;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.wire.SignedUpdate;
import org.warmstation.protocol.wire.UpdateManifest;
import org.warmstation.protocol.wire.UpdateReport;
import org.warmstation.protocol.wire.UpdateReport.State;

/**
 * The kiosk's side of a software update (issue 15): takes an offer from an {@code UPDATE}
 * downlink, checks its signature and version at once ({@link #offer} throws for a refusal), then
 * in the background downloads with resume and retries ({@link PackageDownloader}), checks size and
 * hash ({@link PackageCheck}), waits for the {@link InstallWindow} and hands the verified package
 * to the root installer ({@link UpdateSpool#requestInstall}). Every step is saved as the
 * {@link UpdateReport} that the status and heartbeat carry. Nothing here installs or restarts
 * anything: the running version keeps running whatever goes wrong.
 *
 * <p>Work runs on one daemon thread of its own; {@link #offer} and {@link #report} return at once.
 */
public final class StationUpdater implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StationUpdater.class);

    /**
     * @param retryDelay  wait after the first failed download attempt; doubled after each further one
     * @param maxAttempts download attempts before the update is given up (FAILED)
     * @param windowPoll  how often to look whether the install window is open
     */
    public record Settings(Duration retryDelay, int maxAttempts, Duration windowPoll) {
        /** 30 s, doubling; 8 attempts; the window checked every 30 s. */
        public static final Settings DEFAULT = new Settings(Duration.ofSeconds(30), 8, Duration.ofSeconds(30));

        /** @throws IllegalArgumentException when an attempt count is below 1 */
        public Settings {
            Objects.requireNonNull(retryDelay, "retryDelay");
            Objects.requireNonNull(windowPoll, "windowPoll");
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be >= 1: " + maxAttempts);
            }
        }
    }

    /**
     * What the updater works with.
     *
     * @param district   the station's district
     * @param trust      the station's current trust list
     * @param spool      the update folder
     * @param packages   the installed version
     * @param downloader downloads with resume
     * @param window     when installing is fine
     * @param clock      wall clock for the reports
     */
    public record Parts(int district, Supplier<TrustList> trust, UpdateSpool spool, PackageSystem packages,
                        PackageDownloader downloader, InstallWindow window, InstantSource clock) {
        /** @throws NullPointerException when a part is missing */
        public Parts {
            Objects.requireNonNull(trust, "trust");
            Objects.requireNonNull(spool, "spool");
            Objects.requireNonNull(packages, "packages");
            Objects.requireNonNull(downloader, "downloader");
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(clock, "clock");
        }
    }

    private final Parts parts;
    private final Settings settings;
    private final ScheduledExecutorService executor;
    private final AtomicLong generation = new AtomicLong();
    private volatile String working;

    /**
     * @param parts    what it works with
     * @param settings retry and polling
     */
    public StationUpdater(Parts parts, Settings settings) {
        this.parts = Objects.requireNonNull(parts, "parts");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "station-updater");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Takes an offer: checks signature and version now, then downloads in the background.
     *
     * @param offer the signed manifest of an {@code UPDATE} downlink
     * @return a note for the ack ("download of 0.2.0 started")
     * @throws UpdateRefusedException when the signature is bad or not by an update key, the
     *                                version is not higher than the installed one, or the package
     *                                is for another architecture (reported REFUSED)
     * @throws IOException            when the package database or the update folder cannot be used
     */
    public String offer(SignedUpdate offer) throws UpdateRefusedException, IOException {
        UpdateManifest m;
        try {
            m = PackageCheck.offer(offer, parts.trust().get(), parts.district(), parts.packages().installedVersion(),
                    parts.packages().architecture());
        } catch (UpdateRefusedException e) {
            try {
                report(State.REFUSED, offer.unverifiedManifest().version(), e.getMessage());
            } catch (RuntimeException unreadable) {
                LOG.warn("update refused, manifest unreadable: {}", e.getMessage());
            }
            throw e;
        }
        if (m.version().equals(working)) {
            return "already working on " + m.version();
        }
        parts.spool().saveOffer(offer);
        report(State.DOWNLOADING, m.version(), "download started");
        working = m.version();
        long gen = generation.incrementAndGet();
        executor.execute(() -> attempt(offer, m, 1, gen));
        return "download of " + m.version() + " started";
    }

    /**
     * Continues an update the previous run left downloading or waiting for the window; call once at
     * start. Returns at once.
     */
    public void resume() {
        Optional<UpdateReport> last = parts.spool().report();
        Optional<SignedUpdate> offer = parts.spool().offer();
        if (last.isEmpty() || offer.isEmpty()
                || !(last.get().state() == State.DOWNLOADING || last.get().state() == State.READY)) {
            return;
        }
        try {
            offer(offer.get());
        } catch (UpdateRefusedException | IOException | RuntimeException e) {
            LOG.info("update of the previous run not resumed: {}", e.getMessage());
        }
    }

    /** @return the latest report (read from the update folder, also the installer's), or null when none */
    public UpdateReport report() {
        return parts.spool().report().orElse(null);
    }

    private void attempt(SignedUpdate offer, UpdateManifest m, int n, long gen) {
        if (gen != generation.get()) {
            return;
        }
        try {
            try {
                parts.downloader().download(URI.create(m.url()), parts.spool().part(m.version()), m.size());
            } catch (PackageDownloader.DiskFullException e) {
                finish(gen, State.REFUSED, m, e.getMessage());
                return;
            } catch (IOException e) {
                retryOrFail(offer, m, n, gen, e);
                return;
            }
            Files.move(parts.spool().part(m.version()), parts.spool().deb(m.version()), StandardCopyOption.REPLACE_EXISTING);
            try {
                PackageCheck.file(parts.spool().deb(m.version()), m);
                PackageCheck.offer(offer, parts.trust().get(), parts.district(), parts.packages().installedVersion(),
                    parts.packages().architecture());
            } catch (UpdateRefusedException e) {
                Files.deleteIfExists(parts.spool().deb(m.version()));
                finish(gen, State.REFUSED, m, e.getMessage());
                return;
            }
            report(State.READY, m.version(), "verified (" + m.size() + " bytes); waiting for the install window");
            awaitWindow(offer, m, gen);
        } catch (IOException | RuntimeException e) {
            LOG.error("update {} failed", m.version(), e);
            finish(gen, State.FAILED, m, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void retryOrFail(SignedUpdate offer, UpdateManifest m, int n, long gen, IOException e) {
        if (n >= settings.maxAttempts()) {
            finish(gen, State.FAILED, m, "download failed " + n + " times, last: " + e.getMessage());
            return;
        }
        Duration wait = settings.retryDelay().multipliedBy(1L << Math.min(n - 1, 10));
        LOG.info("update {}: download attempt {} failed ({}); resuming in {} s", m.version(), n, e.getMessage(),
                wait.toSeconds());
        report(State.DOWNLOADING, m.version(), "attempt " + n + " failed, resuming: " + e.getMessage());
        executor.schedule(() -> attempt(offer, m, n + 1, gen), wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void awaitWindow(SignedUpdate offer, UpdateManifest m, long gen) {
        if (gen != generation.get()) {
            return;
        }
        try {
            Optional<String> why = parts.window().openAt(parts.clock().instant());
            if (why.isEmpty()) {
                executor.schedule(() -> awaitWindow(offer, m, gen), settings.windowPoll().toMillis(), TimeUnit.MILLISECONDS);
                return;
            }
            parts.spool().requestInstall(offer);
            finish(gen, State.INSTALLING, m, "handed to the installer (" + why.get() + ")");
        } catch (IOException | RuntimeException e) {
            finish(gen, State.FAILED, m, "cannot hand over to the installer: " + e);
        }
    }

    private void finish(long gen, State state, UpdateManifest m, String detail) {
        if (gen == generation.get()) {
            working = null;
        }
        report(state, m.version(), detail);
    }

    private void report(State state, String version, String detail) {
        LOG.info("update {}: {} ({})", version, state, detail);
        try {
            parts.spool().saveReport(new UpdateReport(state, version, detail, parts.clock().instant()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("update report not saved: {}", e.toString());
        }
    }

    /** Stops the background work (a download in progress resumes on the next start). */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
