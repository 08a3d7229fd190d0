package org.warmstation.kiosk.app;

import java.nio.file.Path;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.kiosk.domain.CheckInResult;
import org.warmstation.kiosk.domain.DailyUsage;
import org.warmstation.kiosk.ui.KioskBackend;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.visitlog.domain.Service;
import org.warmstation.visitlog.domain.Visit;
import org.warmstation.visitlog.store.DamagedLog;

/**
 * A kiosk backend that notices a check-in failing because the visit log's file is damaged
 * ({@link CheckInResult.Failed#logDamaged()}, decision 0260): the first time, it marks the log
 * ({@link DamagedLog#markDamaged}) so that the next start sets it aside whatever its integrity
 * check says then, and asks for that restart. Each check-in's result passes through unchanged.
 * Thread-safe; runs on the kiosk's background thread, and the marker write blocks briefly on the
 * file system.
 *
 * @param delegate the backend that records the visits
 * @param dataDir  the station's data directory (where the visit log is)
 * @param clock    names the marker's time
 * @param restart  asks for the kiosk's restart, with the reason; called at most once
 * @param asked    whether the restart was asked for already (shared by copies)
 */
record LogDamageWatch(KioskBackend delegate, Path dataDir, InstantSource clock, Consumer<String> restart,
                      AtomicBoolean asked) implements KioskBackend {
    private static final Logger LOG = LoggerFactory.getLogger(LogDamageWatch.class);

    LogDamageWatch {
        Objects.requireNonNull(delegate, "delegate");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(restart, "restart");
        Objects.requireNonNull(asked, "asked");
    }

    LogDamageWatch(KioskBackend delegate, Path dataDir, InstantSource clock, Consumer<String> restart) {
        this(delegate, dataDir, clock, restart, new AtomicBoolean());
    }

    @Override
    public CheckInResult checkIn(String scannedText) {
        return watched(delegate.checkIn(scannedText));
    }

    @Override
    public CheckInResult checkInGuest(WorkerCategory category) {
        return watched(delegate.checkInGuest(category));
    }

    @Override
    public Visit setServices(UUID visit, Set<Service> services) {
        return delegate.setServices(visit, services);
    }

    @Override
    public DailyUsage usageOn(LocalDate day) {
        return delegate.usageOn(day);
    }

    private CheckInResult watched(CheckInResult result) {
        if (result instanceof CheckInResult.Failed f && f.logDamaged() && asked.compareAndSet(false, true)) {
            DamagedLog.markDamaged(dataDir, f.message(), clock.instant());
            LOG.error("visit log damaged while running: the kiosk restarts to set it aside and start a fresh log");
            restart.accept("visit log damaged: " + f.message());
        }
        return result;
    }
}
