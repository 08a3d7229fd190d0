package org.warmstation.terminal.kiosk;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.kiosk.sync.StationServices;
import org.warmstation.kiosk.sync.SyncSnapshot;
import org.warmstation.sync.SyncAgent;
import org.warmstation.sync.SyncStatus;

/**
 * A running {@link SyncAgent} seen through the kiosk's {@link StationServices} hook: its
 * {@link SyncStatus} copied into a {@link SyncSnapshot} for the staff screen, and on close the
 * agent stopped first, then what it used (outbox, ledger, state connections). {@link #sync()}
 * never blocks (the agent refreshes its status on its own thread each second).
 */
class AgentServices implements StationServices {
    private static final Logger LOG = LoggerFactory.getLogger(AgentServices.class);

    private final SyncAgent agent;
    private final List<AutoCloseable> resources;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile long lastPolledNanos = System.nanoTime() - java.time.Duration.ofHours(1).toNanos();

    /**
     * @param agent     the started agent
     * @param resources closed after the agent, in this order
     */
    AgentServices(SyncAgent agent, List<AutoCloseable> resources) {
        this.agent = agent;
        this.resources = new ArrayList<>(resources);
    }

    /** @return the agent */
    SyncAgent agent() {
        return agent;
    }

    @Override
    public Optional<SyncSnapshot> sync() {
        lastPolledNanos = System.nanoTime();
        return Optional.of(snapshot(agent.status()));
    }

    /**
     * @param within how recent
     * @return whether the kiosk's screen polled the sync state within that time: its UI thread runs
     *         (the kiosk is up, issue 15's health check)
     */
    boolean kioskPolledWithin(java.time.Duration within) {
        return System.nanoTime() - lastPolledNanos < within.toNanos();
    }

    /**
     * @param resource closed after the agent and the resources given at construction
     * @return this
     */
    AgentServices alsoClosing(AutoCloseable resource) {
        resources.add(resource);
        return this;
    }

    /**
     * @param s the agent's status
     * @return the same as the kiosk shows it
     */
    static SyncSnapshot snapshot(SyncStatus s) {
        return new SyncSnapshot(s.connected(), s.lastSync(), s.waiting(), s.oldestWaitingAge(), s.diskWarning(),
                s.problem(), java.util.OptionalLong.empty(), s.lists());
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return; // the window's close and the shutdown hook may both get here
        }
        agent.stop();
        for (AutoCloseable r : resources) {
            closeQuietly(r::close, r.getClass().getSimpleName());
        }
    }

    interface Closer {
        void close() throws Exception;
    }

    static void closeQuietly(Closer c, String what) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("closing {}: {}", what, e.toString());
        }
    }
}
