package org.warmstation.kiosk.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/**
 * The on-screen notice of lab mode (decision 0180): a terminal allowed to reach its broker over
 * plain {@code tcp://} ({@code --insecure-lab}, {@code broker.insecure-lab=true}) says so on every
 * screen, in Chinese and English, in a red band across the top that touches pass through. UI thread
 * only.
 */
public final class LabBanner {
    /** Node id of the banner. */
    public static final String ID = "insecure-lab-banner";
    /** The banner's text. */
    public static final String TEXT = "实验室模式：与区服务器的连接未加密 · LAB MODE: the connection to the district is not encrypted";

    private LabBanner() {
    }

    /**
     * @param screen the kiosk screen
     * @param on     whether lab mode is on
     * @return the screen itself when off, else the screen under the banner
     */
    public static Parent around(Parent screen, boolean on) {
        if (!on) {
            return screen;
        }
        Label banner = new Label(TEXT);
        banner.setId(ID);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setAlignment(Pos.CENTER);
        banner.setStyle("-fx-background-color: #b00020; -fx-text-fill: white; -fx-font-size: 16px; "
                + "-fx-font-weight: bold; -fx-padding: 4 8 4 8;");
        banner.setMouseTransparent(true);
        StackPane p = new StackPane(screen, banner);
        StackPane.setAlignment(banner, Pos.TOP_CENTER);
        return p;
    }

    /**
     * @param root a kiosk root
     * @return whether the banner is shown in it
     */
    public static boolean shown(Node root) {
        return root.lookup("#" + ID) != null;
    }
}
