package org.warmstation.kiosk.ui;

import javafx.collections.SetChangeListener;
import javafx.collections.WeakSetChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.warmstation.protocol.rating.RatingAnswer;
import org.warmstation.protocol.rating.RatingReason;

/**
 * The optional one-tap rating after a check-in: three large faces (满意 / 一般 / 不满意) and, after
 * 不满意, optional reason chips. It goes away by itself ({@link ScreenFlow#RATING_SHOWN}) or at the
 * next scan, so it never holds up the next person.
 */
final class RatingPane {
    private RatingPane() {
    }

    static Node build(KioskViewModel vm, Messages m) {
        SupplyViewModel s = vm.supplies();
        Button skip = Ui.button("rating-skip", m.get("rating.skip"), vm::backToIdle, "subtle");
        skip.setMinWidth(Ui.MIN_TARGET);
        HBox head = Ui.row(20, Ui.label(m.get("rating.title"), "title"), Ui.grow(), skip);

        HBox faces = new HBox(24);
        faces.setAlignment(Pos.CENTER);
        for (RatingAnswer a : RatingAnswer.values()) {
            String face = switch (a) {
                case SATISFIED -> "☺";
                case NEUTRAL -> "⊖";
                case DISSATISFIED -> "☹";
            };
            Button b = Ui.button("rate-" + a.name(), face + "\n" + m.get("RatingAnswer." + a.name()), () -> s.rate(a),
                    "rating-face", "rating-" + a.name().toLowerCase(java.util.Locale.ROOT));
            b.getProperties().put("one-line", face + " " + m.get("RatingAnswer." + a.name()));
            b.getProperties().put("two-lines", b.getText());
            b.setPrefSize(280, 200);
            b.setMinWidth(Ui.MIN_TARGET); // the faces share the panel's width (800x480: decision 0280)
            b.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(b, javafx.scene.layout.Priority.ALWAYS);
            if (a == s.answerProperty().get()) {
                b.getStyleClass().add("primary");
            }
            faces.getChildren().add(b);
        }

        FlowPane chips = new FlowPane(12, 12); // wraps onto a second row on a narrow panel
        chips.setAlignment(Pos.CENTER);
        for (RatingReason r : RatingReason.values()) {
            ToggleButton t = new ToggleButton(m.get("RatingReason." + r.name()));
            t.setId("reason-" + r.name());
            t.getStyleClass().add("reason-chip");
            t.setFocusTraversable(false);
            t.setMinSize(Ui.MIN_TARGET, Ui.MIN_TARGET);
            t.setSelected(s.reasons().contains(r));
            t.setOnAction(e -> {
                s.toggleReason(r);
                t.setSelected(s.reasons().contains(r));
            });
            chips.getChildren().add(t);
        }
        Label prompt = Ui.label(m.get("rating.prompt"), "subtitle");
        // once answered, the faces shrink to one line and the prompt goes: the reasons below them
        // then fit an 800x480 panel too (decision 0280)
        java.util.function.Consumer<RatingAnswer> show = b -> {
            chips.setVisible(b == RatingAnswer.DISSATISFIED);
            chips.setManaged(chips.isVisible());
            prompt.setVisible(b == null);
            prompt.setManaged(prompt.isVisible());
            faces.getChildren().forEach(n -> {
                Button face = (Button) n;
                face.getStyleClass().remove("primary");
                if (b != null && n.getId().equals("rate-" + b.name())) {
                    face.getStyleClass().add("primary");
                }
                face.setText((String) face.getProperties().get(b == null ? "two-lines" : "one-line"));
                face.setPrefHeight(b == null ? 200 : Ui.MIN_TARGET);
            });
        };
        show.accept(s.answerProperty().get());
        javafx.beans.value.ChangeListener<RatingAnswer> answered = (o, a, b) -> show.accept(b);
        s.answerProperty().addListener(new javafx.beans.value.WeakChangeListener<>(answered));
        faces.getProperties().put("answer-listener", answered);
        SetChangeListener<RatingReason> sync = c -> chips.getChildren().forEach(n -> ((ToggleButton) n).setSelected(
                s.reasons().contains(RatingReason.valueOf(n.getId().substring("reason-".length())))));
        s.reasons().addListener(new WeakSetChangeListener<>(sync));
        chips.getProperties().put("reasons-listener", sync);

        Label note = HandoutPane.note(s, m, "rating-note");
        note.managedProperty().bind(note.textProperty().isNotEmpty());
        note.visibleProperty().bind(note.managedProperty());
        VBox screen = new VBox(16, head, prompt, faces, chips, note);
        screen.getStyleClass().add("kiosk-screen");
        return screen;
    }
}
