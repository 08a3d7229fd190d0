package org.warmstation.kiosk.demo;

import java.time.Duration;
import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.warmstation.kiosk.ui.TaskExecutor;

/**
 * The demo card tray: one button per sample card; a tap holds that card in front of the simulated
 * camera for {@link #HOLD}, so the scan takes the real path (image, QR decoder, verifier, visit
 * service, SQLite). UI thread only.
 */
public final class DemoCardTray {
    /** How long a tapped card is held in front of the camera. */
    public static final Duration HOLD = Duration.ofMillis(1500);

    private final DemoCamera camera;
    private final TaskExecutor executor;
    private final VBox root = new VBox();
    private TaskExecutor.Timer release = TaskExecutor.Timer.NONE;

    /**
     * @param station  the demo station and its cards
     * @param camera   the simulated camera
     * @param executor for the timer that takes the card away
     * @param quit     run when the quit button is tapped
     */
    public DemoCardTray(DemoStation station, DemoCamera camera, TaskExecutor executor, Runnable quit) {
        this.camera = Objects.requireNonNull(camera, "camera");
        this.executor = Objects.requireNonNull(executor, "executor");
        root.getStyleClass().add("demo-tray");
        root.setId("demo-tray");
        Label title = new Label("演示卡片 Demo cards");
        title.setStyle("-fx-font-weight: bold;");
        Label hint = new Label("点一下 = 把卡举到摄像头前\nTap = hold card up to camera");
        hint.setStyle("-fx-font-size: 15px;");
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        GridPane buttons = new GridPane();
        buttons.setHgap(6);
        buttons.setVgap(6);
        int i = 0;
        for (DemoCard c : station.cards()) {
            Button b = new Button((c.valid() ? "✓ " : "✗ ") + c.labelZh() + "\n" + c.labelEn());
            b.setId("demo-card-" + c.id());
            b.setFocusTraversable(false);
            b.setOnAction(e -> hold(c));
            b.setMaxWidth(Double.MAX_VALUE);
            buttons.add(b, i % 2, i / 2);
            i++;
        }
        ScrollPane scroll = new ScrollPane(buttons);
        scroll.setFitToWidth(true);
        scroll.setMinHeight(0);
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        root.setPrefHeight(600);
        scroll.setStyle("-fx-background: #263238; -fx-background-color: #263238;");
        Button quitButton = new Button("退出演示 Quit");
        quitButton.setId("demo-quit");
        quitButton.setStyle("-fx-pref-width: 130px; -fx-min-height: 36px;");
        quitButton.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        quitButton.setOnAction(e -> quit.run());
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        javafx.scene.layout.HBox.setHgrow(gap, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.HBox head = new javafx.scene.layout.HBox(8, title, gap, quitButton);
        head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        root.getChildren().addAll(head, hint, scroll);
    }

    /** @return the tray's node */
    public Node node() {
        return root;
    }

    /**
     * Holds a card in front of the camera for {@link #HOLD}, then takes it away.
     *
     * @param card the card
     */
    public void hold(DemoCard card) {
        release.cancel();
        camera.show(card.image());
        release = executor.schedule(HOLD, camera::clear);
    }
}
