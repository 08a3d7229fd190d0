package org.warmstation.kiosk.app;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.warmstation.devices.PeripheralStatus;
import org.warmstation.devices.peripherals.PeripheralSnapshot;
import org.warmstation.devices.peripherals.PeripheralStates;
import org.warmstation.devices.scan.ScannerStatus;
import org.warmstation.kiosk.domain.FaultTickets;
import org.warmstation.kiosk.domain.TicketService;
import org.warmstation.visitlog.domain.StationClock;
import org.warmstation.visitlog.store.SqliteTicketStore;

/**
 * The station's tickets as the kiosk runs them: the ticket store in the visit log, the
 * {@link TicketService} the screens use, and the {@link FaultTickets} watch fed by the peripheral
 * states (each role by its name) and the scanner (as {@code CAMERA}: failing while it restarts).
 * The watch runs on one daemon thread of its own. Close it before the visit log's files go away.
 */
final class TicketDesk implements AutoCloseable {
    /** The device name of the camera/scanner in terminal tickets. */
    static final String CAMERA = "CAMERA";

    private final SqliteTicketStore store;
    private final TicketService service;
    private final ExecutorService watchThread;
    private final FaultTickets faults;
    private final PeripheralStates states;
    private final Consumer<PeripheralSnapshot> listener;

    /**
     * Opens the tickets of a data directory and starts watching the peripherals.
     *
     * @param dataDir the station's data directory (its visit log)
     * @param clock   the station clock
     * @param states  the live peripheral states
     * @throws org.warmstation.visitlog.domain.VisitStore.StoreException when the visit log cannot be opened
     */
    TicketDesk(Path dataDir, StationClock clock, PeripheralStates states) {
        this.store = new SqliteTicketStore(dataDir);
        this.service = new TicketService(store, clock);
        this.watchThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fault-tickets");
            t.setDaemon(true);
            return t;
        });
        this.faults = new FaultTickets(service, watchThread, clock::now, FaultTickets.DEFAULT_CLEAR_AFTER);
        this.states = states;
        this.listener = s -> {
            for (PeripheralStatus st : s.statuses().values()) {
                faults.observe(st.role().name(), st.failing());
            }
        };
        states.addListener(listener);
        listener.accept(states.snapshot());
    }

    /** @return opens and lists tickets (blocking) */
    TicketService service() {
        return service;
    }

    /** @param status the scanner's new state; any thread, returns at once */
    void scannerStatus(ScannerStatus status) {
        switch (status.state()) {
            case RESTARTING -> faults.observe(CAMERA, true);
            case RUNNING -> faults.observe(CAMERA, false);
            case STARTING, STOPPED -> { }
        }
    }

    /** Stops watching, waits up to 2 s for a ticket being stored, closes the store. */
    @Override
    public void close() {
        states.removeListener(listener);
        watchThread.shutdown();
        try {
            watchThread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
    }
}
