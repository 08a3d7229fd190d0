package org.warmstation.kiosk.app;

import javafx.geometry.Rectangle2D;
import javafx.scene.Group;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.transform.Scale;

/**
 * Fits a windowed kiosk onto a screen smaller than its content. The demo window is the terminal's
 * 1024x600 screen with the card tray and the peripherals beside it, about 1,420 px wide: wider than
 * a 1366x768 laptop. On such a screen the whole content is shrunk by one factor (text, touch
 * targets and the tray alike, so it still looks like the terminal, only smaller) instead of running
 * off the screen's edge. Content that fits is left as it is. Full screen is never scaled: the
 * terminal's own layout adapts to its panel. UI thread only.
 */
final class WindowFit {
    /** Room left for the window manager's title bar and borders, in px. */
    static final double DECORATION = 48;

    private WindowFit() {
    }

    /**
     * @param width  the content's width in px
     * @param height the content's height in px
     * @param screen the screen's visual bounds (without task bars)
     * @return the factor, at most 1, by which the content must shrink for a window of it to fit on
     *         the screen; 1 when it fits
     */
    static double scale(double width, double height, Rectangle2D screen) {
        if (width <= 0 || height <= 0) {
            return 1;
        }
        double room = Math.min((screen.getWidth() - DECORATION) / width, (screen.getHeight() - DECORATION) / height);
        return Math.max(0.1, Math.min(1, room));
    }

    /**
     * Shrinks the scene's root to fit a window on the screen, if it does not fit as it is: the root
     * then sits, scaled, in a {@link Group} that becomes the scene's root (mouse and touch
     * positions are mapped through the scale by JavaFX). Call before the stage is sized to the
     * scene.
     *
     * @param scene  the kiosk's scene, not yet shown
     * @param screen the screen's visual bounds
     * @return the factor applied, 1 when none was needed
     */
    static double fit(Scene scene, Rectangle2D screen) {
        Parent root = scene.getRoot();
        root.applyCss();
        double width = root.prefWidth(-1);
        double scale = scale(width, root.prefHeight(width), screen);
        if (scale < 1) {
            scene.setRoot(new Group()); // a scene's root cannot be another node's child
            root.getTransforms().add(new Scale(scale, scale, 0, 0));
            scene.setRoot(new Group(root));
        }
        return scale;
    }
}
