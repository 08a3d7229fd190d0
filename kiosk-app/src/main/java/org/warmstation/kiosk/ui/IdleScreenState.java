package org.warmstation.kiosk.ui;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.warmstation.devices.scan.ScannerStatus;
import org.warmstation.visitlog.domain.StationClock;

/**
 * What the kiosk shows whatever the visit, part of {@link KioskViewModel}: the station's clock,
 * the language, large text, the scanner-problem and terminal-damaged banners and the district's
 * announcement.
 *
 * <p>Threading: UI thread only, like the view model; the view model's ticker calls {@link #tick}.
 */
final class IdleScreenState {
    private final StationClock clock;
    private final ZoneId zone;
    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(KioskViewModel.CHINESE);
    private final ReadOnlyObjectWrapper<ZonedDateTime> now = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper scannerProblem = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper announcement = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper largeText = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper terminalDamaged = new ReadOnlyBooleanWrapper(false);

    /**
     * @param clock the station clock
     * @param zone  the station's zone
     */
    IdleScreenState(StationClock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
        tick();
    }

    ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    ReadOnlyObjectProperty<ZonedDateTime> nowProperty() {
        return now.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty scannerProblemProperty() {
        return scannerProblem.getReadOnlyProperty();
    }

    ReadOnlyStringProperty announcementProperty() {
        return announcement.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty terminalDamagedProperty() {
        return terminalDamaged.getReadOnlyProperty();
    }

    /** The visit log was set aside as damaged at this start: the idle screen says so until the kiosk restarts. */
    void markTerminalDamaged() {
        terminalDamaged.set(true);
    }

    ReadOnlyBooleanProperty largeTextProperty() {
        return largeText.getReadOnlyProperty();
    }

    /** Switches large text on or off (decision 0141: kept until switched off or the kiosk restarts). */
    void toggleLargeText() {
        largeText.set(!largeText.get());
    }

    /** Reads the station clock again. */
    void tick() {
        now.set(clock.now().atZone(zone));
    }

    /** Switches between Chinese and English. */
    void toggleLanguage() {
        locale.set(KioskViewModel.CHINESE.equals(locale.get()) ? KioskViewModel.ENGLISH : KioskViewModel.CHINESE);
    }

    /** @param status the scanner's new state; restarting shows the banner */
    void scannerStatus(ScannerStatus status) {
        scannerProblem.set(status.state() == ScannerStatus.State.RESTARTING);
    }

    /** @param text the announcement, or null/blank for none */
    void announce(String text) {
        announcement.set(text == null ? "" : text.strip());
    }
}
