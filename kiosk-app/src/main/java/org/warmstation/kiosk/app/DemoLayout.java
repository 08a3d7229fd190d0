package org.warmstation.kiosk.app;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.warmstation.kiosk.demo.DemoCardTray;
import org.warmstation.kiosk.demo.DemoDistrictLine;
import org.warmstation.kiosk.ui.KioskView;
import org.warmstation.kiosk.ui.SyncViewModel;
import org.warmstation.kiosk.ui.hardware.PeripheralPanel;

/**
 * The demo window's layout: the kiosk screen at exactly the terminal's 1024x600, beside it the
 * card tray, the district line and, in the {@code peripheralSlot} below them, the live
 * {@link PeripheralPanel} of the mock station. Layout only; UI thread only.
 */
final class DemoLayout {
    private DemoLayout() {
    }

    /**
     * @param screen the kiosk screen, sized to {@link KioskRuntime#SCREEN_WIDTH} x {@link KioskRuntime#SCREEN_HEIGHT}
     * @param tray   the demo card tray
     * @param panel  the mock station's peripheral panel
     * @param sync   the sync state shown on the district line
     * @return the window's root
     */
    static Parent around(Region screen, DemoCardTray tray, PeripheralPanel panel, SyncViewModel sync) {
        // the demo shows the kiosk at exactly the terminal's 1024x600, the tray beside it
        screen.setMinSize(KioskRuntime.SCREEN_WIDTH, KioskRuntime.SCREEN_HEIGHT);
        screen.setMaxSize(KioskRuntime.SCREEN_WIDTH, KioskRuntime.SCREEN_HEIGHT);
        BorderPane pane = new BorderPane(screen);
        BorderPane.setAlignment(screen, Pos.TOP_LEFT);
        VBox peripheralSlot = new VBox();
        peripheralSlot.setId("peripheralSlot");
        peripheralSlot.getChildren().add(panel);
        VBox side = new VBox(tray.node(), peripheralSlot);
        side.getChildren().add(1, DemoDistrictLine.node(sync));
        // tray and panel share the screen's height; the card list scrolls if the panel needs more
        VBox.setVgrow(tray.node(), Priority.ALWAYS);
        ((Region) tray.node()).setMinHeight(0);
        peripheralSlot.setMinHeight(Region.USE_PREF_SIZE);
        peripheralSlot.setStyle("-fx-padding: 0 12 12 12;");
        side.setStyle("-fx-padding: 0; -fx-spacing: 0;"); // the tray and the panel have their own
        side.setPrefHeight(KioskRuntime.SCREEN_HEIGHT);
        side.setMaxHeight(KioskRuntime.SCREEN_HEIGHT);
        side.getStylesheets().add(KioskView.STYLESHEET);
        side.getStyleClass().add("demo-tray");
        pane.setRight(side);
        pane.setStyle("-fx-background-color: #14181d;");
        return pane;
    }
}
