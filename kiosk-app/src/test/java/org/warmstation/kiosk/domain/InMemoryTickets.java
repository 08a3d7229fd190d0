package org.warmstation.kiosk.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.warmstation.protocol.ticket.TicketStatus;
import org.warmstation.protocol.wire.TicketStatuses;
import org.warmstation.visitlog.domain.Ticket;
import org.warmstation.visitlog.domain.TicketStore;

/** A {@link TicketStore} in memory for the kiosk's tests; can be told to fail. Thread-safe. */
public final class InMemoryTickets implements TicketStore {
    private final List<Ticket> tickets = new ArrayList<>();
    private volatile boolean failing;

    /** @param fail whether every call fails as a full disk would */
    public void failing(boolean fail) {
        this.failing = fail;
    }

    private void check() {
        if (failing) {
            throw new org.warmstation.visitlog.domain.VisitStore.StoreException("disk full (test)", null);
        }
    }

    @Override
    public synchronized Ticket open(Ticket ticket) {
        check();
        tickets.add(ticket);
        return ticket;
    }

    @Override
    public synchronized List<Ticket> recent() {
        check();
        return tickets.stream().sorted(Comparator.comparing((Ticket t) -> t.status() == TicketStatus.RESOLVED)
                .thenComparing(Ticket::openedAt, Comparator.reverseOrder())).limit(RECENT).toList();
    }

    @Override
    public synchronized int applyStatuses(TicketStatuses statuses) {
        check();
        int changed = 0;
        for (TicketStatuses.Entry e : statuses.tickets()) {
            for (int i = 0; i < tickets.size(); i++) {
                Ticket t = tickets.get(i);
                if (t.id().equals(e.id())) {
                    tickets.set(i, new Ticket(t.id(), t.openedAt(), t.problem(), t.source(), t.text(), t.device(),
                            e.status(), e.changedAt(), e.by()));
                    changed++;
                }
            }
        }
        return changed;
    }

    /** @return every ticket opened, in order */
    public synchronized List<Ticket> all() {
        return List.copyOf(tickets);
    }

    @Override
    public void close() {
    }
}
