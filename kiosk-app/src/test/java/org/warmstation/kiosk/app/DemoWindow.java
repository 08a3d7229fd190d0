package org.warmstation.kiosk.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.warmstation.kiosk.ui.FxTaskExecutor;
import org.warmstation.kiosk.ui.FxToolkit;

/**
 * Test fixture: the real demo runtime ({@link KioskRuntime#demo}) shown on a headless JavaFX
 * {@link Stage} at the screen's origin, at the size of its root (the 1024x600 kiosk and the demo
 * tray), started like the launcher starts it. Closing it closes the stage and the runtime.
 * The JavaFX toolkit must be started ({@link FxToolkit#start()}).
 */
final class DemoWindow implements AutoCloseable {
    private final KioskRuntime runtime;
    private final Stage stage;

    private DemoWindow(KioskRuntime runtime, Stage stage) {
        this.runtime = runtime;
        this.stage = stage;
    }

    /**
     * Builds the demo runtime in {@code dataDir} and shows it. Blocks until the window is shown.
     *
     * @param dataDir the demo data directory
     * @return the window
     * @throws IOException when the data directory cannot be written
     */
    static DemoWindow show(Path dataDir) throws IOException {
        return show(dataDir, runtime -> { });
    }

    /**
     * Builds the demo runtime in {@code dataDir}, hands it to {@code beforeShow} (on the calling
     * thread, e.g. to attach services or listen to pins), then shows it. Blocks until the window is
     * shown. On failure the runtime is closed.
     *
     * @param dataDir    the demo data directory
     * @param beforeShow what to do with the runtime before its window is built
     * @return the window
     * @throws IOException when the data directory cannot be written
     */
    static DemoWindow show(Path dataDir, Consumer<KioskRuntime> beforeShow) throws IOException {
        KioskRuntime runtime = KioskRuntime.demo(dataDir, new FxTaskExecutor());
        return shown(runtime, () -> {
            beforeShow.accept(runtime);
            return new Scene(runtime.root(() -> { }));
        });
    }

    /** Shows the scene {@code scene} makes (on the FX thread) and starts the runtime in it; closes the runtime on failure. */
    private static DemoWindow shown(KioskRuntime runtime, java.util.function.Supplier<Scene> scene) {
        try {
            Stage stage = FxToolkit.call(() -> {
                Stage s = new Stage();
                Scene made = scene.get();
                s.setScene(made);
                s.setX(0);
                s.setY(0);
                s.show();
                runtime.start(made);
                return s;
            });
            return new DemoWindow(runtime, stage);
        } catch (RuntimeException | Error e) {
            runtime.close();
            throw e;
        }
    }

    /**
     * Builds the demo runtime in {@code dataDir} and shows its kiosk screen alone, without the
     * demo tray, in a scene of the given size (a panel: 1024x600, 800x480 ...). Blocks until shown.
     *
     * @param dataDir the demo data directory
     * @param width   the scene's width in pixels
     * @param height  the scene's height in pixels
     * @return the window
     * @throws IOException when the data directory cannot be written
     */
    static DemoWindow kiosk(Path dataDir, int width, int height) throws IOException {
        KioskRuntime runtime = KioskRuntime.demo(dataDir, new FxTaskExecutor());
        return shown(runtime, () -> new Scene(new org.warmstation.kiosk.ui.KioskView(runtime.viewModel()).root(), width, height));
    }

    /** @return the runtime shown */
    KioskRuntime runtime() {
        return runtime;
    }

    /**
     * Finds a node in the window's scene. FX thread only.
     *
     * @param selector a CSS selector, e.g. {@code #screen-WELCOME}
     * @return the node, or null when none matches
     */
    Node lookup(String selector) {
        return stage.getScene().lookup(selector);
    }

    /** @return the window's stage */
    Stage stage() {
        return stage;
    }

    /** Closes the stage (on the FX thread) and then the runtime. */
    @Override
    public void close() {
        try {
            FxToolkit.run(stage::close);
        } finally {
            runtime.close();
        }
    }
}
