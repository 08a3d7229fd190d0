package org.warmstation.kiosk.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.warmstation.kiosk.sync.SyncSnapshot;

/**
 * The staff screen's sync lines: connected or not, last sync, visits waiting, visits the
 * district holds (demo), the disk warning and the services' notice. Follows the
 * {@link SyncViewModel} live; unmanaged when the station does not sync and there is no notice.
 * UI thread only.
 */
final class StaffSyncPane {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private StaffSyncPane() {
    }

    static Node row(KioskViewModel vm, Messages m) {
        SyncViewModel sync = vm.staff().sync();
        ZoneId zone = vm.nowProperty().get().getZone();
        // one line (the staff screen has little height to spare): state · last sync · waiting
        // [· district], then the disk warning and the notice beside it when there are any
        HBox box = new HBox(16);
        box.setId("staff-sync");
        Runnable fill = () -> {
            box.getChildren().clear();
            SyncSnapshot s = sync.snapshotProperty().get();
            if (s != null) {
                String last = s.lastSync().map(t -> m.get("staff.sync.last", TIME.format(t.atZone(zone))))
                        .orElse(m.get("staff.sync.never"));
                String state = m.get(s.connected() ? "staff.sync.connected" : "staff.sync.offline");
                String text = m.get("staff.sync.line", state, last, s.waiting());
                if (s.districtVisits().isPresent()) {
                    text += " · " + m.get("staff.sync.district", s.districtVisits().getAsLong());
                }
                box.getChildren().add(line("staff-sync-state", text, s.connected() ? "staff-line" : "staff-alert"));
                if (s.diskWarning()) {
                    box.getChildren().add(line("staff-sync-disk", m.get("staff.sync.disk"), "staff-alert"));
                }
                if (s.lists().isPresent() && s.lists().get().anyStale(vm.nowProperty().get().toInstant())) {
                    box.getChildren().add(line("staff-sync-lists", m.get("staff.sync.lists"), "staff-alert"));
                }
            }
            if (!sync.noticeProperty().get().isEmpty()) {
                box.getChildren().add(line("staff-sync-notice", sync.noticeProperty().get(), "staff-alert"));
            }
            box.setManaged(!box.getChildren().isEmpty());
            box.setVisible(box.isManaged());
        };
        ChangeListener<Object> listener = (o, a, b) -> fill.run();
        sync.snapshotProperty().addListener(new WeakChangeListener<>(listener));
        sync.noticeProperty().addListener(new WeakChangeListener<>(listener));
        box.getProperties().put("sync-listener", listener);
        fill.run();
        return box;
    }

    private static Label line(String id, String text, String style) {
        Label l = Ui.label(text, style);
        l.setId(id);
        l.setStyle("-fx-font-size: 18px;");
        l.setWrapText(false);
        l.setMinWidth(0);
        l.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
        return l;
    }
}
