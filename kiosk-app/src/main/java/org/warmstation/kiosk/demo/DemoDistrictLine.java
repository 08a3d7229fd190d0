package org.warmstation.kiosk.demo;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import org.warmstation.kiosk.sync.SyncSnapshot;
import org.warmstation.kiosk.ui.KioskViewModel;
import org.warmstation.kiosk.ui.Messages;
import org.warmstation.kiosk.ui.SyncViewModel;

/**
 * The demo tray's "district view": one small label, in Chinese and English, with the visits the
 * demo's in-process district holds for this station and the visits still waiting, or the notice
 * when the district is starting or could not start, so a user sees a check-in arrive at the
 * district without opening the staff screen. Hidden when the demo runs without sync. UI thread only.
 */
public final class DemoDistrictLine {
    private DemoDistrictLine() {
    }

    /**
     * @param sync the sync state the kiosk polls
     * @return the label (id {@code demo-district})
     */
    public static Label node(SyncViewModel sync) {
        Messages zh = Messages.of(KioskViewModel.CHINESE);
        Messages en = Messages.of(KioskViewModel.ENGLISH);
        Label l = new Label();
        l.setId("demo-district");
        l.setWrapText(true);
        l.setStyle("-fx-font-size: 14px; -fx-text-fill: #cfd8dc; -fx-padding: 4 12 8 12;");
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        l.textProperty().bind(Bindings.createStringBinding(() -> {
            String notice = sync.noticeProperty().get();
            SyncSnapshot s = sync.snapshotProperty().get();
            if (s != null && s.districtVisits().isPresent()) {
                long n = s.districtVisits().getAsLong();
                return zh.get("demo.district", n, s.waiting()) + "\n" + en.get("demo.district", n, s.waiting());
            }
            return notice.isEmpty() ? "" : notice;
        }, sync.snapshotProperty(), sync.noticeProperty()));
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }
}
