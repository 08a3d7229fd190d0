package org.warmstation.kiosk.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Application;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.kiosk.config.ConfigException;
import org.warmstation.kiosk.config.StationConfig;
import org.warmstation.kiosk.ui.FxTaskExecutor;

/**
 * Starts the kiosk (deliberately not an {@link Application}, so it runs from a plain class path):
 * the demo or a station configuration, full screen or windowed. Checks for a display and assembles
 * the kiosk before the JavaFX toolkit starts, so every problem ends in one clear line and an exit
 * code. Its command line is {@code ./station kiosk} and {@code ./station demo} (module terminal).
 */
public final class KioskLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(KioskLauncher.class);

    /** Exit code of a usage or configuration error. */
    public static final int EXIT_USAGE = 2;
    /** Exit code when there is no display or the kiosk cannot start. */
    public static final int EXIT_NO_DISPLAY = 3;

    /**
     * How to start.
     *
     * @param demo     run the demo
     * @param config   the station configuration (kiosk mode)
     * @param dataDir  the demo data directory
     * @param windowed a window instead of full screen
     * @param insecureLab lab mode ({@code --insecure-lab}, decision 0180): the enrollment screen
     *                 accepts a code of a {@code tcp://} broker and writes {@code broker.insecure-lab=true}
     */
    public record Options(boolean demo, Optional<Path> config, Path dataDir, boolean windowed, boolean insecureLab) {
        /** Options without lab mode. */
        public Options(boolean demo, Optional<Path> config, Path dataDir, boolean windowed) {
            this(demo, config, dataDir, windowed, false);
        }

        /** @return the demo data directory used when none is given: ./demo-data */
        public static Path defaultDemoDir() {
            return Path.of("demo-data").toAbsolutePath();
        }
    }

    private KioskLauncher() {
    }

    /**
     * Runs the kiosk until its window closes.
     *
     * @param o   how to start
     * @param err receives the one-line error or notice (e.g. {@code System.err::println})
     * @return the exit code: 0, {@link #EXIT_USAGE} or {@link #EXIT_NO_DISPLAY}
     */
    public static int run(Options o, Consumer<String> err) {
        return run(o, err, (runtime, config) -> org.warmstation.kiosk.sync.StationServices.NONE);
    }

    /**
     * Starts the background services beside the kiosk (the sync agent; in the demo also a broker
     * and a district). Called once, off the UI thread, after the kiosk is assembled and before its
     * window opens; should return within seconds (connecting goes on in the background).
     */
    @FunctionalInterface
    public interface ServicesFactory {
        /**
         * @param runtime the assembled kiosk (its visit log, demo station)
         * @param config  the station configuration, empty in the demo
         * @return the running services; the kiosk closes them on exit
         * @throws Exception when they cannot start: the kiosk runs without them and says why
         */
        org.warmstation.kiosk.sync.StationServices start(KioskRuntime runtime, Optional<StationConfig> config)
                throws Exception;
    }

    /**
     * Runs the kiosk with background services until its window closes. Services that cannot start
     * leave the kiosk running (visits are recorded) with one line on {@code err} and on the staff
     * screen.
     *
     * @param o        how to start
     * @param err      receives the one-line error or notice
     * @param services starts the background services
     * @return the exit code: 0, {@link #EXIT_USAGE}, {@link #EXIT_NO_DISPLAY} or
     *         {@link KioskExit#EXIT_RESTART} (ended to be started again: decision 0260)
     */
    public static int run(Options o, Consumer<String> err, ServicesFactory services) {
        Optional<String> noDisplay = missingDisplay();
        if (noDisplay.isPresent()) {
            err.accept("kiosk: " + noDisplay.get());
            return EXIT_NO_DISPLAY;
        }
        if (!o.demo() && o.config().isPresent() && EnrollmentApp.needsEnrollment(o.config().get())) {
            // a terminal without configuration: the enrollment screen (decision 0060)
            EnrollmentKiosk.Settings s = EnrollmentApp.defaults(o.config().get());
            if (o.insecureLab()) {
                s = new EnrollmentKiosk.Settings(s.configFile(), s.trustFile(), s.districts(),
                        java.util.Map.of(EnrolledConfig.INSECURE_LAB, "true"));
            }
            return EnrollmentApp.run(s, o.windowed(), err, services);
        }
        FxTaskExecutor executor = new FxTaskExecutor();
        KioskRuntime runtime;
        Optional<StationConfig> config = Optional.empty();
        try {
            if (o.demo()) {
                runtime = KioskRuntime.demo(o.dataDir(), executor);
                err.accept("kiosk: demo data in " + o.dataDir() + "; staff PIN "
                        + org.warmstation.kiosk.demo.DemoStation.STAFF_PIN);
            } else {
                config = Optional.of(StationConfig.load(o.config().orElseThrow()));
                runtime = KioskRuntime.fromConfig(config.get(), executor);
            }
        } catch (ConfigException e) {
            executor.close();
            err.accept("kiosk: " + e.getMessage());
            return EXIT_USAGE;
        } catch (Exception e) {
            executor.close();
            LOG.debug("kiosk could not be assembled", e);
            err.accept("kiosk: cannot start: " + e.getMessage());
            return EXIT_USAGE;
        }
        try {
            runtime.attach(services.start(runtime, config));
        } catch (Exception | LinkageError e) {
            LOG.warn("background services not started", e);
            String why = "sync not started: " + e.getMessage();
            err.accept("kiosk: " + why);
            runtime.attach(new org.warmstation.kiosk.sync.StationServices() {
                @Override
                public Optional<org.warmstation.kiosk.sync.SyncSnapshot> sync() {
                    return Optional.empty();
                }

                @Override
                public Optional<String> notice() {
                    return Optional.of(why);
                }

                @Override
                public void close() {
                }
            });
        }
        if (config.isPresent()) { // staff can re-enroll the terminal from the kiosk (decision 0225)
            runtime.enableReenrollment(config.get(), services);
        }
        KioskApp.prepare(runtime, o.windowed());
        // SIGTERM (systemctl stop) ends the JVM without closing the window: stop the sync cleanly then
        Thread stopServices = new Thread(() -> runtime.services().close(), "kiosk-services-stop");
        Runtime.getRuntime().addShutdownHook(stopServices);
        try {
            Application.launch(KioskApp.class);
        } catch (RuntimeException e) {
            runtime.close();
            LOG.debug("JavaFX failed", e);
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            err.accept("kiosk: the screen could not be opened: " + root.getMessage());
            return EXIT_NO_DISPLAY;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopServices);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs already
            }
        }
        if (runtime.exit().code() != 0) {
            err.accept("kiosk: ended to be started again (exit " + runtime.exit().code()
                    + "): the visit log was found damaged and is set aside at the next start");
        }
        return runtime.exit().code();
    }

    /**
     * @return why there is no display to open, or empty when one seems available
     */
    static Optional<String> missingDisplay() {
        if (System.getProperty("glass.platform") != null) {
            return Optional.empty();
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux")) {
            return Optional.empty();
        }
        if (isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"))) {
            return Optional.of("no display found (neither DISPLAY nor WAYLAND_DISPLAY is set); run it on the "
                    + "terminal's desktop session, or over SSH with 'DISPLAY=:0'");
        }
        return Optional.empty();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
