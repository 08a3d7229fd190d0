package org.warmstation.kiosk.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.protocol.ticket.TicketSource;
import org.warmstation.protocol.ticket.TicketStatus;
import org.warmstation.visitlog.domain.Ticket;

/**
 * Opens a ticket by itself when a peripheral the terminal watches fails (buzzer write failed,
 * sensor gone, camera dead): once per fault, not once per retry or per minute. A device's fault
 * ends when it has worked again for {@link #DEFAULT_CLEAR_AFTER} (so a flapping sensor is one
 * fault); a failure after that is a new fault with a new ticket. On start, a device that already
 * has a ticket not resolved counts as in a fault since then, so a restart does not open a second
 * ticket for a fault that never cleared.
 *
 * <p>Threading: {@link #observe} may be called on any thread (a peripheral's, the scanner's) and
 * returns at once; the state and the storage work live on the given executor, which must run tasks
 * one at a time in order (a single background thread, never the UI thread).
 */
public final class FaultTickets {
    /** How long a device must work again before its next failure is a new fault. */
    public static final Duration DEFAULT_CLEAR_AFTER = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(FaultTickets.class);

    private final TicketService tickets;
    private final Executor executor;
    private final InstantSource clock;
    private final Duration clearAfter;
    /** Per device in a fault: since when it works again, or null while failing. Executor thread only. */
    private final Map<String, Instant> inFault = new HashMap<>();

    /**
     * Starts watching: reads the open terminal tickets (on the executor).
     *
     * @param tickets    opens the tickets
     * @param executor   a serial background executor
     * @param clock      monotonic enough wall clock for the clear-after hold
     * @param clearAfter how long a device must work again to end its fault
     */
    public FaultTickets(TicketService tickets, Executor executor, InstantSource clock, Duration clearAfter) {
        this.tickets = Objects.requireNonNull(tickets, "tickets");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.clearAfter = Objects.requireNonNull(clearAfter, "clearAfter");
        executor.execute(this::prime);
    }

    /**
     * A device's health as last seen; call on every change (repeats are harmless).
     *
     * @param device  the device, e.g. {@code BUZZER}, {@code AMBIENT}, {@code CAMERA}
     * @param failing whether it fails now
     */
    public void observe(String device, boolean failing) {
        Objects.requireNonNull(device, "device");
        Instant now = clock.instant();
        executor.execute(() -> handle(device, failing, now));
    }

    private void prime() {
        Instant now = clock.instant();
        try {
            for (Ticket t : tickets.recent()) {
                if (t.source() == TicketSource.TERMINAL && t.status() != TicketStatus.RESOLVED) {
                    inFault.put(t.device(), now); // unknown since when it works: counts from now
                }
            }
        } catch (RuntimeException e) {
            LOG.error("could not read the open terminal tickets; a fault still open may get a second ticket", e);
        }
    }

    private void handle(String device, boolean failing, Instant at) {
        boolean known = inFault.containsKey(device);
        if (!failing) {
            if (known && inFault.get(device) == null) {
                inFault.put(device, at);
            }
            return;
        }
        Instant worksSince = inFault.get(device);
        boolean newFault = !known || (worksSince != null && !at.isBefore(worksSince.plus(clearAfter)));
        inFault.put(device, null);
        if (!newFault) {
            return;
        }
        try {
            Ticket t = tickets.openFault(device);
            LOG.warn("{} failing: ticket {} opened for the district", device, t.id());
        } catch (RuntimeException e) {
            inFault.remove(device); // try again on its next failure report
            LOG.error("could not open a ticket for the failing {}", device, e);
        }
    }
}
