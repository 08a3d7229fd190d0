package org.warmstation.kiosk.app;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.kiosk.sync.StationServices;
import org.warmstation.kiosk.ui.KioskViewModel;
import org.warmstation.kiosk.ui.TaskExecutor;
import org.warmstation.protocol.wire.Neighbours;
import org.warmstation.protocol.wire.StationHours;
import org.warmstation.protocol.wire.StationSettings;

/**
 * Feeds the screen from the background: once a second the {@link StationServices}' sync snapshot
 * and notice into the staff screen's {@link org.warmstation.kiosk.ui.SyncViewModel} (both return at
 * once, so this runs on the UI thread), and every two seconds the district's
 * {@link StationSettingsFile} and neighbour list (read on a worker thread) into the idle screen's
 * announcement, the services offered, the opening hours with the nearest stations, and the cold
 * alert of the peripherals: applied settings take effect without a restart. Started and stopped
 * on the UI thread.
 */
final class ServicesPoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServicesPoller.class);

    private final TaskExecutor.Timer syncTimer;
    private final TaskExecutor.Timer settingsTimer;

    private ServicesPoller(TaskExecutor.Timer syncTimer, TaskExecutor.Timer settingsTimer) {
        this.syncTimer = syncTimer;
        this.settingsTimer = settingsTimer;
    }

    /**
     * @param executor the UI's executor
     * @param vm       the view model
     * @param services the background services, asked at each poll (they may be replaced, decision 0225)
     * @param settings  the district's settings file, or null for none
     * @param coldAlert takes the district's cold-alert temperature (empty: the configured one)
     * @return the running poller
     */
    static ServicesPoller start(TaskExecutor executor, KioskViewModel vm, java.util.function.Supplier<StationServices> services,
                                StationSettingsFile settings, Consumer<Optional<Double>> coldAlert) {
        Objects.requireNonNull(services, "services");
        Runnable sync = () -> {
            try {
                StationServices s = services.get();
                vm.staff().sync().update(s.sync(), s.notice());
            } catch (RuntimeException e) {
                LOG.warn("sync status not available: {}", e.toString());
            }
        };
        sync.run();
        TaskExecutor.Timer syncTimer = executor.every(Duration.ofSeconds(1), sync);
        TaskExecutor.Timer settingsTimer = TaskExecutor.Timer.NONE;
        if (settings != null) {
            Runnable read = () -> executor.execute(() -> new Read(settings.current(), settings.neighbours()), r -> {
                r.settings().ifPresentOrElse(
                        st -> vm.stationSettings(st.announcement(), StationSettingsFile.services(st)),
                        () -> vm.stationSettings(null, null));
                vm.stationHours(r.settings().map(StationSettings::hours).orElse(StationHours.ALWAYS), r.neighbours());
                coldAlert.accept(r.settings().flatMap(StationSettings::coldAlert));
            }, e -> LOG.warn("station settings not read: {}", e.toString()));
            read.run();
            settingsTimer = executor.every(Duration.ofSeconds(2), read);
        }
        return new ServicesPoller(syncTimer, settingsTimer);
    }

    private record Read(Optional<StationSettings> settings, Neighbours neighbours) {
    }

    @Override
    public void close() {
        syncTimer.cancel();
        settingsTimer.cancel();
    }
}
