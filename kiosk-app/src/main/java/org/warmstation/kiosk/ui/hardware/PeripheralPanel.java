package org.warmstation.kiosk.ui.hardware;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import org.warmstation.devices.LightColor;
import org.warmstation.devices.PeripheralRole;
import org.warmstation.devices.PeripheralStatus;
import org.warmstation.devices.peripherals.PeripheralSnapshot;
import org.warmstation.devices.peripherals.PeripheralStates;
import org.warmstation.devices.pi4j.MockStation;

/**
 * A small panel showing the station's peripherals live: the status light's colour, buzzer, door,
 * motion and entries today, room temperature and humidity (with the low-temperature alert),
 * screen dimming, and every failing peripheral with its error. Only configured roles get a row.
 * Bound to a {@link PeripheralStates} model; changes arriving on peripheral threads are handed to
 * the JavaFX thread (several quick changes are shown once, the latest). Create and use on the
 * JavaFX thread; call {@link #unbind()} when the panel is dropped.
 */
public final class PeripheralPanel extends VBox {
    private static final String TEXT = "-fx-font-size: 15px; -fx-text-fill: #e0e0e0;";
    private static final String ALERT = "-fx-font-size: 15px; -fx-text-fill: #ff8a80; -fx-font-weight: bold;";

    private final PeripheralStates states;
    private final Consumer<PeripheralSnapshot> listener;
    private final AtomicReference<PeripheralSnapshot> pending = new AtomicReference<>();
    private final Circle lamp = new Circle(9);
    private final Label light = row("peripheral-light");
    private final Label buzzer = row("peripheral-buzzer");
    private final Label door = row("peripheral-door");
    private final Label motion = row("peripheral-motion");
    private final Label ambient = row("peripheral-ambient");
    private final Label screen = row("peripheral-screen");
    private final Label faults = row("peripheral-faults");

    /**
     * @param states the model to show; the panel listens to it until {@link #unbind()}
     */
    public PeripheralPanel(PeripheralStates states) {
        this.states = states;
        setId("peripheralPanel");
        setSpacing(2);
        setPadding(new Insets(8, 10, 8, 10));
        setMinHeight(USE_PREF_SIZE);
        setStyle("-fx-background-color: #1f262e; -fx-background-radius: 8;");
        Label title = new Label("外设 Peripherals");
        title.setStyle("-fx-font-size: 17px; -fx-font-weight: bold; -fx-text-fill: #ffcc80;");
        getChildren().add(title);
        PeripheralSnapshot first = states.snapshot();
        if (first.present().isEmpty()) {
            getChildren().add(text("无外设 none configured"));
        }
        if (first.present().contains(PeripheralRole.STATUS_LIGHT)) {
            light.setGraphic(lamp);
            getChildren().add(light);
        }
        // buzzer and door share a line, so the demo's side column fits the 600 px screen height
        javafx.scene.layout.HBox outputs = new javafx.scene.layout.HBox(16);
        if (first.present().contains(PeripheralRole.BUZZER)) {
            outputs.getChildren().add(buzzer);
        }
        if (first.present().contains(PeripheralRole.DOOR)) {
            outputs.getChildren().add(door);
        }
        if (!outputs.getChildren().isEmpty()) {
            getChildren().add(outputs);
        }
        addIf(first, PeripheralRole.MOTION, motion);
        addIf(first, PeripheralRole.AMBIENT, ambient);
        addIf(first, PeripheralRole.BACKLIGHT, screen);
        faults.setWrapText(true);
        faults.setMaxWidth(300);
        faults.setMinHeight(USE_PREF_SIZE);
        getChildren().add(faults);
        render(first);
        listener = s -> {
            if (pending.getAndSet(s) == null) {
                Platform.runLater(() -> render(pending.getAndSet(null)));
            }
        };
        states.addListener(listener);
    }

    /**
     * A panel for the demo: bound to the demo station's states, with two buttons that simulate
     * someone walking past the PIR sensor and the room turning cold (or warm again).
     *
     * @param demo the demo's mock-platform peripherals
     * @return the panel
     */
    public static PeripheralPanel forDemo(MockStation demo) {
        PeripheralPanel panel = new PeripheralPanel(demo.peripherals().states());
        Button walk = button("demo-motion", "有人进入\nwalk in", demo::motion);
        Button cold = button("demo-cold", "降温 / 回暖\ncold / warm",
                () -> demo.room(demo.roomCelsius() < 10 ? 18.5 : 6, 45));
        javafx.scene.layout.HBox buttons = new javafx.scene.layout.HBox(6, walk, cold);
        javafx.scene.layout.HBox.setHgrow(walk, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.HBox.setHgrow(cold, javafx.scene.layout.Priority.ALWAYS);
        panel.getChildren().add(buttons);
        return panel;
    }

    private static Button button(String id, String text, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setFocusTraversable(false);
        b.setStyle("-fx-font-size: 14px;");
        b.setMinHeight(44);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** Stops following the model. */
    public void unbind() {
        states.removeListener(listener);
    }

    private void addIf(PeripheralSnapshot s, PeripheralRole role, Label label) {
        if (s.present().contains(role)) {
            getChildren().add(label);
        }
    }

    private static Label row(String id) {
        Label l = text("");
        l.setId(id);
        return l;
    }

    private static Label text(String s) {
        Label l = new Label(s);
        l.setStyle(TEXT);
        return l;
    }

    private void render(PeripheralSnapshot s) {
        if (s == null) {
            return;
        }
        lamp.setFill(s.light().map(PeripheralPanel::color).orElse(Color.web("#37474f")));
        light.setText("指示灯 " + s.light().map(c -> c.name().toLowerCase(Locale.ROOT)).orElse("off"));
        buzzer.setText("蜂鸣器 " + (s.buzzing() ? "beep" : "quiet") + (s.muted() ? " (muted)" : ""));
        door.setText("门锁 " + (s.doorOpen() ? "OPEN" : "locked"));
        motion.setText("人体感应 " + (s.motion() ? "motion" : "still") + " · 今日进入 " + s.entriesToday());
        ambient.setText(s.ambient().map(a -> String.format(Locale.ROOT, "室温 %.1f °C · 湿度 %.0f %%%s",
                a.celsius(), a.relativeHumidity(), s.lowTemperature() ? " · 过冷 TOO COLD" : "")).orElse("室温 —"));
        ambient.setStyle(s.lowTemperature() ? ALERT : TEXT);
        screen.setText("屏幕 " + (s.screenAwake() ? "awake" : "dimmed"));
        StringBuilder f = new StringBuilder();
        for (PeripheralRole r : PeripheralRole.values()) {
            PeripheralStatus st = s.statuses().get(r);
            if (st != null && st.failing()) {
                f.append(f.isEmpty() ? "" : "\n").append("故障 ").append(r.name().toLowerCase(Locale.ROOT))
                        .append(": ").append(st.message());
            }
        }
        faults.setText(f.toString());
        faults.setStyle(ALERT);
        faults.setVisible(!f.isEmpty());
        faults.setManaged(!f.isEmpty());
    }

    private static Color color(LightColor c) {
        return switch (c) {
            case GREEN -> Color.web("#43a047");
            case RED -> Color.web("#e53935");
            case AMBER -> Color.web("#ffb300");
        };
    }
}
