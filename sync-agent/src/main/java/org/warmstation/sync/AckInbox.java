package org.warmstation.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.warmstation.protocol.wire.RecordKind;

/**
 * Hands the district's acks from Paho's threads to the agent's thread in groups: every ack that
 * arrives before the queued hand-over runs is applied by that one run ({@link AckReceiver}: one
 * outbox transaction per kind instead of one per ack), then the uplinks of the kinds confirmed
 * are woken. Under a backlog the agent's thread is busy and acks pile up, so groups grow with the
 * load; when idle, each ack is applied alone at once. Nothing is confirmed earlier or otherwise
 * than the acks say. {@link #offer} may be called from any thread and returns at once.
 */
final class AckInbox {
    private record Arrived(boolean visits, byte[] payload) {
    }

    private final ConcurrentLinkedQueue<Arrived> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean handOverQueued = new AtomicBoolean();
    private final AgentThread thread;
    private final AckReceiver receiver;
    private final Runnable visitsConfirmed;
    private final Consumer<RecordKind> recordsConfirmed;

    /**
     * @param thread           the agent's thread
     * @param receiver         applies the acks (on the agent's thread)
     * @param visitsConfirmed  called on the agent's thread after visit acks were applied
     * @param recordsConfirmed called on the agent's thread for each kind whose acks were applied
     */
    AckInbox(AgentThread thread, AckReceiver receiver, Runnable visitsConfirmed, Consumer<RecordKind> recordsConfirmed) {
        this.thread = Objects.requireNonNull(thread, "thread");
        this.receiver = Objects.requireNonNull(receiver, "receiver");
        this.visitsConfirmed = Objects.requireNonNull(visitsConfirmed, "visitsConfirmed");
        this.recordsConfirmed = Objects.requireNonNull(recordsConfirmed, "recordsConfirmed");
    }

    /**
     * Queues an ack; any thread.
     *
     * @param visits  true for a {@code VisitAck}, false for a {@code RecordAck}
     * @param payload the payload as received
     */
    void offer(boolean visits, byte[] payload) {
        queue.add(new Arrived(visits, payload));
        if (handOverQueued.compareAndSet(false, true)) {
            thread.run("acks", this::applyQueued);
        }
    }

    /** Applies every ack queued so far; on the agent's thread. */
    private void applyQueued() {
        handOverQueued.set(false); // an ack arriving from now on queues the next run
        List<byte[]> visits = new ArrayList<>();
        List<byte[]> records = new ArrayList<>();
        for (Arrived a = queue.poll(); a != null; a = queue.poll()) {
            (a.visits() ? visits : records).add(a.payload());
        }
        if (!visits.isEmpty() && receiver.onVisitAcks(visits)) {
            visitsConfirmed.run();
        }
        if (!records.isEmpty()) {
            Set<RecordKind> kinds = receiver.onRecordAcks(records);
            kinds.forEach(recordsConfirmed);
        }
    }
}
