package org.warmstation.kiosk.ui;

import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.warmstation.kiosk.sync.SyncSnapshot;

/**
 * The sync state as the staff screen sees it: the latest {@link SyncSnapshot} (null when the
 * station does not sync) and a one-line notice. Fed by the kiosk runtime from its
 * {@link org.warmstation.kiosk.sync.StationServices} once a second. UI thread only.
 */
public final class SyncViewModel {
    private final ReadOnlyObjectWrapper<SyncSnapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");

    /** @return the latest snapshot, or null when this station does not sync */
    public ReadOnlyObjectProperty<SyncSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /** @return a notice about the background services, empty when there is none */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /**
     * Takes a new state; listeners fire only when it changed.
     *
     * @param sync   the sync state, or empty when the station does not sync
     * @param notice the notice, or empty
     */
    public void update(Optional<SyncSnapshot> sync, Optional<String> notice) {
        SyncSnapshot s = sync.orElse(null);
        if (!java.util.Objects.equals(s, snapshot.get())) {
            snapshot.set(s);
        }
        this.notice.set(notice.orElse(""));
    }
}
