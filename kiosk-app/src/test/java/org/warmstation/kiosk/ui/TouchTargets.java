package org.warmstation.kiosk.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;

/**
 * Finds buttons too small for gloved fingers, controls outside the screen (the scene's size, the
 * terminal's 1024x600 when the node has no scene), and clipped text. Inside a scroll pane's
 * content a control may lie below or above the screen (scrolling reaches it) but not beside the
 * scroll pane: the kiosk scrolls only vertically.
 */
public final class TouchTargets {
    private TouchTargets() {
    }

    /**
     * @param root    a laid-out screen; call on the JavaFX thread
     * @param minSide the smallest side a button may have, in pixels
     * @return one line per problem; empty when none
     */
    public static List<String> problems(Node root, double minSide) {
        List<String> out = new ArrayList<>();
        if (root.getScene() != null) {
            root.getScene().getRoot().applyCss();
            root.getScene().getRoot().layout();
        }
        double w = root.getScene() == null ? 1024 : root.getScene().getWidth();
        double h = root.getScene() == null ? 600 : root.getScene().getHeight();
        visit(root, minSide, w, h, null, out);
        return out;
    }

    private static void visit(Node n, double minSide, double w, double h, Bounds scroller, List<String> out) {
        if (!n.isVisible()) {
            return;
        }
        Bounds b = n.localToScene(n.getLayoutBounds());
        String name = n.getId() != null ? "#" + n.getId() : n.getClass().getSimpleName();
        if (n instanceof ButtonBase button) {
            if (b.getWidth() < minSide || b.getHeight() < minSide) {
                out.add(name + " '" + button.getText() + "' is " + (int) b.getWidth() + "x" + (int) b.getHeight());
            }
        }
        boolean beyond = scroller == null ? outside(b, w, h)
                : b.getMinX() < scroller.getMinX() - 0.5 || b.getMaxX() > scroller.getMaxX() + 0.5;
        if (n instanceof javafx.scene.layout.Region && beyond) {
            out.add(name + (n instanceof Labeled l ? " '" + l.getText() + "'" : "")
                    + " lies outside the " + (int) w + "x" + (int) h + " screen: " + b);
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            if (clipped(l)) {
                out.add(name + " '" + l.getText() + "' is clipped");
            }
        }
        if (n instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
            visit(sp.getContent(), minSide, w, h, scroller != null ? scroller : b, out);
            return; // its skin's other children: the viewport and the scroll bars
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                visit(c, minSide, w, h, scroller, out);
            }
        }
    }

    private static boolean outside(Bounds b, double w, double h) {
        return b.getMinX() < -0.5 || b.getMinY() < -0.5 || b.getMaxX() > w + 0.5 || b.getMaxY() > h + 0.5;
    }

    /** A label whose text did not fit shows an ellipsis in its text node. */
    private static boolean clipped(Labeled l) {
        return l.lookupAll(".text").stream()
                .filter(t -> t instanceof javafx.scene.text.Text)
                .map(t -> ((javafx.scene.text.Text) t).getText())
                .anyMatch(shown -> shown != null && !shown.equals(l.getText()) && shown.endsWith("..."));
    }
}
