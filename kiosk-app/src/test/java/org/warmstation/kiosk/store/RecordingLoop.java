package org.warmstation.kiosk.store;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.warmstation.kiosk.domain.CheckInResult;
import org.warmstation.visitlog.domain.Service;
import org.warmstation.kiosk.domain.VisitService;
import org.warmstation.visitlog.time.SystemStationClock;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.visitlog.store.SqliteVisitStore;

/**
 * Child process of {@link VisitLogCrashTest}: records guest visits as fast as it can, printing
 * {@code seq} of each on its own line only after it was committed, until it is killed.
 * Every tenth visit also gets services (a second transaction on the same row).
 *
 * <p>Arguments: the data directory.
 */
public final class RecordingLoop {
    private RecordingLoop() {
    }

    public static void main(String[] args) {
        SqliteVisitStore store = new SqliteVisitStore(Path.of(args[0]));
        VisitService service = new VisitService(store, () -> null, new SystemStationClock(), "crash-test",
                ZoneId.of("Asia/Shanghai"));
        List<WorkerCategory> categories = List.of(WorkerCategory.values());
        for (long i = 0; ; i++) {
            CheckInResult r = service.checkInGuest(categories.get((int) (i % categories.size())));
            if (!(r instanceof CheckInResult.Welcome w)) {
                System.err.println("not recorded: " + r);
                System.exit(2);
                return;
            }
            if (i % 10 == 0) {
                service.setServices(w.visit().id(), Set.of(Service.HOT_WATER, Service.REST));
            }
            System.out.println(w.visit().sequence());
            System.out.flush();
        }
    }

}
