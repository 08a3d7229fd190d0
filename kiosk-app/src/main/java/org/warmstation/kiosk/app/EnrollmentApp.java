package org.warmstation.kiosk.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.kiosk.config.ScannerSettings;
import org.warmstation.kiosk.ui.FxTaskExecutor;

/**
 * The JavaFX application of a terminal without a configuration: the enrollment screen
 * ({@link EnrollmentKiosk}), which the station's kiosk replaces once a valid code is scanned.
 * Started by {@link KioskLauncher} when the configuration file does not exist.
 */
public final class EnrollmentApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(EnrollmentApp.class);
    private static volatile EnrollmentKiosk pending;
    private static volatile boolean windowed;

    private EnrollmentKiosk kiosk;

    /**
     * The trust list a terminal without configuration verifies enrollment codes with, unless one is
     * given: {@value EnrolledConfig#TRUST_LIST} beside the configuration file (where
     * {@code station init} and the enrollment itself keep it).
     *
     * @param configFile the configuration file
     * @return the trust list file
     */
    public static Path defaultTrustFile(Path configFile) {
        return configFile.toAbsolutePath().resolveSibling(EnrolledConfig.TRUST_LIST);
    }

    /**
     * Runs the enrollment screen with the built-in camera (scanner defaults) until the window
     * closes; once enrolled, the kiosk of the written configuration with its services.
     *
     * @param settings where the enrollment leads
     * @param windowed a window instead of full screen
     * @param err      receives the one-line error or notice
     * @param services starts the kiosk's background services once enrolled
     * @return the exit code: 0, {@link KioskLauncher#EXIT_USAGE} (no readable trust list),
     *         {@link KioskLauncher#EXIT_NO_DISPLAY} or {@link KioskExit#EXIT_RESTART}
     */
    static int run(EnrollmentKiosk.Settings settings, boolean windowed, Consumer<String> err,
                   KioskLauncher.ServicesFactory services) {
        EnrollmentKiosk k;
        try {
            k = new EnrollmentKiosk(settings, ScannerFactory.create(ScannerSettings.defaults()), new FxTaskExecutor(),
                    FxTaskExecutor::new, services, Platform::exit);
        } catch (java.io.IOException e) {
            err.accept("kiosk: no configuration " + settings.configFile() + ", and enrollment cannot start: "
                    + e.getMessage());
            return KioskLauncher.EXIT_USAGE;
        }
        err.accept("kiosk: no configuration " + settings.configFile() + ": showing the enrollment screen");
        pending = k;
        EnrollmentApp.windowed = windowed;
        // SIGTERM ends the JVM without closing the window: stop the enrolled kiosk's sync cleanly then
        Thread stopServices = new Thread(() -> k.kiosk().ifPresent(r -> r.services().close()), "kiosk-services-stop");
        Runtime.getRuntime().addShutdownHook(stopServices);
        try {
            Application.launch(EnrollmentApp.class);
        } catch (RuntimeException e) {
            k.close();
            err.accept("kiosk: the screen could not be opened: " + e.getMessage());
            return KioskLauncher.EXIT_NO_DISPLAY;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopServices);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs already
            }
        }
        return k.kiosk().map(r -> r.exit().code()).orElse(0); // the enrolled kiosk may end to restart (decision 0260)
    }

    /**
     * @param configFile the configuration file of {@code --config}
     * @return whether the kiosk should enroll (the file does not exist)
     */
    static boolean needsEnrollment(Path configFile) {
        return !Files.exists(configFile);
    }

    /**
     * @param configFile the configuration file to write
     * @return settings with the default trust list, any district of it, no extra keys
     */
    static EnrollmentKiosk.Settings defaults(Path configFile) {
        return new EnrollmentKiosk.Settings(configFile, defaultTrustFile(configFile), Set.of(), Map.of());
    }

    @Override
    public void start(Stage stage) {
        kiosk = pending;
        if (kiosk == null) {
            throw new IllegalStateException("start the enrollment with KioskLauncher, not EnrollmentApp");
        }
        Scene scene = new Scene(kiosk.root());
        stage.setScene(scene);
        stage.setTitle("暖心驿站 Warm station");
        if (windowed) {
            stage.sizeToScene();
        } else {
            stage.setFullScreenExitHint("");
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            stage.setFullScreen(true);
        }
        kiosk.start(scene);
        stage.show();
        LOG.info("enrollment screen shown");
    }

    @Override
    public void stop() {
        if (kiosk != null) {
            kiosk.close();
        }
    }
}
