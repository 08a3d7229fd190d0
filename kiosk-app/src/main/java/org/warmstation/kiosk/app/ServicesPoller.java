package org.warmstation.kiosk.app;

import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.kiosk.sync.StationServices;
import org.warmstation.kiosk.ui.KioskViewModel;
import org.warmstation.kiosk.ui.TaskExecutor;

/**
 * Feeds the screen from the background: once a second the {@link StationServices}' sync snapshot
 * and notice into the staff screen's {@link org.warmstation.kiosk.ui.SyncViewModel} (both return at
 * once, so this runs on the UI thread), and every two seconds the district's
 * {@link StationSettingsFile} (read on a worker thread) into the idle screen's announcement and the
 * services offered. Started and stopped on the UI thread.
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
     * @param services the background services
     * @param settings the district's settings file, or null for none
     * @return the running poller
     */
    static ServicesPoller start(TaskExecutor executor, KioskViewModel vm, StationServices services,
                                StationSettingsFile settings) {
        Objects.requireNonNull(services, "services");
        Runnable sync = () -> {
            try {
                vm.staff().sync().update(services.sync(), services.notice());
            } catch (RuntimeException e) {
                LOG.warn("sync status not available: {}", e.toString());
            }
        };
        sync.run();
        TaskExecutor.Timer syncTimer = executor.every(Duration.ofSeconds(1), sync);
        TaskExecutor.Timer settingsTimer = TaskExecutor.Timer.NONE;
        if (settings != null) {
            Runnable read = () -> executor.execute(settings::current, s -> s.ifPresentOrElse(
                    st -> vm.stationSettings(st.announcement(), StationSettingsFile.services(st)),
                    () -> vm.stationSettings(null, null)),
                    e -> LOG.warn("station settings not read: {}", e.toString()));
            read.run();
            settingsTimer = executor.every(Duration.ofSeconds(2), read);
        }
        return new ServicesPoller(syncTimer, settingsTimer);
    }

    @Override
    public void close() {
        syncTimer.cancel();
        settingsTimer.cancel();
    }
}
