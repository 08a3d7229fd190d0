package org.warmstation.kiosk.app;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.devices.PeripheralStatus;
import org.warmstation.devices.peripherals.PeripheralSnapshot;
import org.warmstation.devices.peripherals.PeripheralStates;
import org.warmstation.devices.scan.ScannerStatus;
import org.warmstation.kiosk.domain.FaultTickets;
import org.warmstation.kiosk.domain.TicketService;
import org.warmstation.protocol.ticket.TicketText;
import org.warmstation.visitlog.domain.StationClock;
import org.warmstation.visitlog.store.DamagedLog;
import org.warmstation.visitlog.store.SqliteTicketStore;

/**
 * The station's tickets as the kiosk runs them: the ticket store in the visit log, the
 * {@link TicketService} the screens use, and the {@link FaultTickets} watch fed by the peripheral
 * states (each role by its name) and the scanner (as {@code CAMERA}: failing while it restarts).
 * The watch runs on one daemon thread of its own, which also opens the report of a visit log found
 * damaged at start. Close it before the visit log's files go away.
 */
final class TicketDesk implements AutoCloseable {
    /** The device name of the camera/scanner in terminal tickets. */
    static final String CAMERA = "CAMERA";
    /** The device name of the visit log in terminal tickets (found damaged and set aside). */
    static final String VISIT_LOG = "VISIT_LOG";
    private static final Logger LOG = LoggerFactory.getLogger(TicketDesk.class);

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

    /**
     * Opens the fault report of a visit log found damaged and set aside at this start (issue 13
     * item 5), on the watch thread; returns at once. A ticket that cannot be stored is logged.
     *
     * @param aside    what was set aside
     * @param newEpoch the fresh log's epoch, if it has one
     */
    void visitLogSetAside(DamagedLog.SetAside aside, Optional<UUID> newEpoch) {
        String text = damageReport(aside, newEpoch);
        watchThread.execute(() -> {
            try {
                LOG.warn("visit log damaged: ticket {} opened for the district", service.openFault(VISIT_LOG, text).id());
            } catch (RuntimeException e) {
                LOG.error("could not open the ticket for the damaged visit log ({})", text, e);
            }
        });
    }

    /** @return the ticket's text: why, where the file went, the new epoch; within the ticket text limit */
    static String damageReport(DamagedLog.SetAside aside, Optional<UUID> newEpoch) {
        String reason = aside.reason().replaceAll("\\p{Cntrl}", " ").strip();
        String tail = ") set aside as " + aside.file().getFileName() + newEpoch.map(e -> "; new log epoch " + e).orElse("");
        int room = TicketText.MAX_CHARS - "visit log damaged (".length() - tail.length();
        if (reason.length() > room) {
            reason = reason.substring(0, Math.max(0, room - 1)) + "…";
        }
        return "visit log damaged (" + reason + tail;
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
