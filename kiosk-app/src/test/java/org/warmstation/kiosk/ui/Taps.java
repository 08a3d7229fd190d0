package org.warmstation.kiosk.ui;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.robot.Robot;

/** Taps nodes like a finger: a press and release at the centre of the node, through the glass robot. */
public final class Taps {
    private Taps() {
    }

    /**
     * Presses and releases the primary button at the centre of a node, in screen coordinates, so
     * the event is picked like a real tap (a node covering it would get it instead). Call on the
     * JavaFX thread; the events are delivered after the call returns.
     *
     * @param node a node of a shown window
     * @return the screen point tapped
     */
    public static Point2D tap(Node node) {
        if (node.getScene() != null) {
            // a screen just switched in may not have had its layout pulse yet: its bounds would
            // still be empty and the tap would land elsewhere
            node.getScene().getRoot().applyCss();
            node.getScene().getRoot().layout();
        }
        Bounds b = node.localToScreen(node.getLayoutBounds());
        if (b == null || b.isEmpty()) {
            throw new AssertionError(node + " is not laid out in a shown window");
        }
        Point2D centre = new Point2D(b.getCenterX(), b.getCenterY());
        Robot robot = new Robot();
        robot.mouseMove(centre);
        robot.mousePress(MouseButton.PRIMARY);
        robot.mouseRelease(MouseButton.PRIMARY);
        return centre;
    }
}
