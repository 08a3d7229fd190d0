package org.warmstation.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.kiosk.ui.FxTaskExecutor;
import org.warmstation.kiosk.ui.FxToolkit;
import org.warmstation.kiosk.ui.Taps;

/** The windowed demo fits a laptop screen smaller than its 1024x600 kiosk and tray side by side. */
class WindowFitTest {
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 728); // 1366x768 less a task bar
    private static final Rectangle2D DESKTOP = new Rectangle2D(0, 0, 1920, 1040);

    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() {
        FxToolkit.start();
    }

    @Test
    void contentThatFitsIsNotScaledAndLargerContentShrinksByOneFactorToTheTighterSide() {
        assertEquals(1, WindowFit.scale(1024, 600, DESKTOP));
        assertEquals((1366 - WindowFit.DECORATION) / 1420, WindowFit.scale(1420, 600, LAPTOP), 1e-9);
        assertEquals((480 - WindowFit.DECORATION) / 600, WindowFit.scale(1024, 600, new Rectangle2D(0, 0, 2000, 480)),
                1e-9);
    }

    @Test
    void theDemoWindowOnALaptopScreenShowsTheWholeTrayInsideTheWindow() throws Exception {
        KioskRuntime runtime = KioskRuntime.demo(dir, new FxTaskExecutor());
        try {
            double[] shown = FxToolkit.call(() -> {
                Parent root = runtime.root(() -> { });
                Scene scene = new Scene(root);
                double scale = WindowFit.fit(scene, LAPTOP);
                Stage stage = new Stage();
                stage.setScene(scene);
                stage.sizeToScene();
                stage.show();
                runtime.start(scene);
                assertInstanceOf(Group.class, scene.getRoot());
                Node tray = scene.lookup(".demo-tray");
                Bounds b = tray.localToScene(tray.getBoundsInLocal());
                double[] r = {scale, scene.getWidth(), scene.getHeight(), b.getMaxX(), b.getMaxY()};
                stage.close();
                return r;
            });
            double scale = shown[0];
            assertTrue(scale < 1 && scale > 0.8, "shrunk a little, not to a stamp: " + scale);
            assertTrue(shown[1] <= LAPTOP.getWidth() - WindowFit.DECORATION + 1, "window width " + shown[1]);
            assertTrue(shown[2] <= LAPTOP.getHeight(), "window height " + shown[2]);
            assertTrue(shown[3] <= shown[1] + 0.5, "the tray's right edge " + shown[3] + " inside " + shown[1]);
            assertTrue(shown[4] <= shown[2] + 0.5, "the tray's bottom " + shown[4] + " inside " + shown[2]);
        } finally {
            runtime.close();
        }
    }

    @Test
    void aTapOnACardInTheShrunkWindowChecksItIn() throws Exception {
        KioskRuntime runtime = KioskRuntime.demo(dir, new FxTaskExecutor());
        Stage[] stage = new Stage[1];
        try {
            Scene scene = FxToolkit.call(() -> {
                Scene made = new Scene(runtime.root(() -> { }));
                assertTrue(WindowFit.fit(made, LAPTOP) < 1);
                stage[0] = new Stage();
                stage[0].setScene(made);
                stage[0].setX(0);
                stage[0].setY(0);
                stage[0].sizeToScene();
                stage[0].show();
                runtime.start(made);
                return made;
            });
            // a tap at the card's place on the screen, through the scale: picked by the card
            FxToolkit.run(() -> Taps.tap(scene.lookup("#demo-card-courier")));
            FxToolkit.waitFor("the welcome screen", Duration.ofSeconds(20), () -> scene.lookup("#screen-WELCOME") != null);
            Instant now = Instant.now();
            assertEquals(1, runtime.store().between(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1))).size());
        } finally {
            if (stage[0] != null) {
                FxToolkit.run(stage[0]::close);
            }
            runtime.close();
        }
    }

    @Test
    void theDemoWindowOnALargeScreenIsLeftAsItIs() throws Exception {
        KioskRuntime runtime = KioskRuntime.demo(dir, new FxTaskExecutor());
        try {
            FxToolkit.call(() -> {
                Parent root = runtime.root(() -> { });
                Scene scene = new Scene(root);
                assertEquals(1, WindowFit.fit(scene, DESKTOP));
                assertSame(root, scene.getRoot());
                assertTrue(root.getTransforms().isEmpty());
                return null;
            });
        } finally {
            runtime.close();
        }
    }
}
