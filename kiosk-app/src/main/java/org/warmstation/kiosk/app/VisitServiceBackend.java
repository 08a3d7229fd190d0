package org.warmstation.kiosk.app;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.warmstation.kiosk.domain.CheckInResult;
import org.warmstation.kiosk.domain.DailyUsage;
import org.warmstation.visitlog.domain.Service;
import org.warmstation.visitlog.domain.Visit;
import org.warmstation.kiosk.domain.VisitService;
import org.warmstation.kiosk.ui.KioskBackend;
import org.warmstation.protocol.card.WorkerCategory;

/**
 * The kiosk UI's backend: the visit service itself. Blocks like it does.
 *
 * @param service the visit service
 */
public record VisitServiceBackend(VisitService service) implements KioskBackend {
    public VisitServiceBackend {
        Objects.requireNonNull(service, "service");
    }

    @Override
    public CheckInResult checkIn(String scannedText) {
        return service.checkIn(scannedText);
    }

    @Override
    public CheckInResult checkInGuest(WorkerCategory category) {
        return service.checkInGuest(category);
    }

    @Override
    public Visit setServices(UUID visit, Set<Service> services) {
        return service.setServices(visit, services);
    }

    @Override
    public DailyUsage usageOn(LocalDate day) {
        return service.usageOn(day);
    }
}
