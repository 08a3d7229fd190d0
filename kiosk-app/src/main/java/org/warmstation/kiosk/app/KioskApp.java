package org.warmstation.kiosk.app;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application of the kiosk. Started by {@link KioskLauncher}, which assembles the
 * {@link KioskRuntime} first and hands it over; not meant to be launched directly.
 */
public final class KioskApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(KioskApp.class);
    private static volatile KioskRuntime pending;
    private static volatile boolean windowed;

    private KioskRuntime runtime;

    static void prepare(KioskRuntime runtime, boolean windowed) {
        KioskApp.pending = runtime;
        KioskApp.windowed = windowed;
    }

    @Override
    public void start(Stage stage) {
        runtime = pending;
        if (runtime == null) {
            throw new IllegalStateException("start the kiosk with KioskLauncher, not KioskApp");
        }
        Scene scene = new Scene(runtime.root(Platform::exit));
        stage.setScene(scene);
        stage.setTitle("暖心驿站 Warm station");
        if (windowed) {
            javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
            double scale = WindowFit.fit(scene, screen);
            if (scale < 1) {
                LOG.info("the window is shown at {} % to fit the {}x{} screen", Math.round(scale * 100),
                        Math.round(screen.getWidth()), Math.round(screen.getHeight()));
            }
            stage.sizeToScene();
        } else {
            stage.setFullScreenExitHint("");
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            stage.setFullScreen(true);
        }
        runtime.start(scene);
        stage.show();
        LOG.info("kiosk shown ({})", windowed ? "windowed" : "full screen");
    }

    @Override
    public void stop() {
        if (runtime != null) {
            runtime.close();
        }
    }
}
