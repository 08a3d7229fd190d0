package org.warmstation.kiosk.ui;

import java.time.LocalDateTime;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.warmstation.kiosk.domain.ClosedNotice;
import org.warmstation.protocol.wire.Neighbours;
import org.warmstation.protocol.wire.StationHours;

/**
 * Whether the station is open by the district's opening hours, part of {@link KioskViewModel}:
 * the {@link ClosedNotice} while closed (null while open), and the staff's unlock that allows
 * check-in outside the hours until the station next opens by its hours (or staff lock it again).
 *
 * <p>Threading: UI thread only, like the view model; its ticker calls {@link #update}.
 */
final class OpeningState {
    private final ReadOnlyObjectWrapper<ClosedNotice> notice = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper unlocked = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper blocked = new ReadOnlyBooleanWrapper(false);
    private StationHours hours = StationHours.ALWAYS;
    private Neighbours neighbours = new Neighbours(null);

    ReadOnlyObjectProperty<ClosedNotice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty unlockedProperty() {
        return unlocked.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty blockedProperty() {
        return blocked.getReadOnlyProperty();
    }

    /**
     * @param hours      the station's hours
     * @param neighbours the nearest stations
     * @param now        station-local now
     */
    void set(StationHours hours, Neighbours neighbours, LocalDateTime now) {
        this.hours = Objects.requireNonNull(hours, "hours");
        this.neighbours = Objects.requireNonNull(neighbours, "neighbours");
        update(now);
    }

    /** @param now station-local now */
    void update(LocalDateTime now) {
        ClosedNotice n = ClosedNotice.at(hours, neighbours, now).orElse(null);
        notice.set(n);
        if (n == null) {
            unlocked.set(false);
        }
        blocked.set(n != null && !unlocked.get());
    }

    /** @param on whether staff allow check-in outside the hours (ignored while open) */
    void unlock(boolean on) {
        unlocked.set(on && notice.get() != null);
        blocked.set(notice.get() != null && !unlocked.get());
    }
}
