package org.warmstation.kiosk.ui;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.warmstation.kiosk.domain.CheckInResult;
import org.warmstation.kiosk.domain.DailyUsage;
import org.warmstation.visitlog.domain.Service;
import org.warmstation.visitlog.domain.Visit;
import org.warmstation.protocol.card.WorkerCategory;

/**
 * What the kiosk UI needs from the check-in domain (the visit service). Every method blocks on
 * storage and is called only on a background thread of the {@link TaskExecutor}, never on the UI
 * thread.
 */
public interface KioskBackend {
    /**
     * @param scannedText the text a scanner read, any text at all
     * @return what the check-in came to; never throws for content
     */
    CheckInResult checkIn(String scannedText);

    /**
     * @param category the category a guest chose
     * @return the guest visit, or a failure
     */
    CheckInResult checkInGuest(WorkerCategory category);

    /**
     * @param visit    a recorded visit
     * @param services the services now used
     * @return the updated visit
     * @throws RuntimeException when storage fails or the visit is unknown
     */
    Visit setServices(UUID visit, Set<Service> services);

    /**
     * @param day a local day of the station
     * @return the usage figures of that day
     * @throws RuntimeException when storage fails
     */
    DailyUsage usageOn(LocalDate day);
}
