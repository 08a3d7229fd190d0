package org.warmstation.district.mqtt;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.mqtt.Backoff;

/**
 * Whether the receiver may take messages, given the database's health (decision 0191). Open while
 * messages are stored; the first message that could not be stored closes it and starts a probe
 * thread: when the database does not answer, the receiver {@linkplain Actions#leave leaves} the
 * shared subscription (the other instances, or the stations' resends later, take the traffic) and
 * the database is probed with exponential backoff and full jitter ({@link Backoff}) until it
 * answers; then the gate opens and the receiver {@linkplain Actions#rejoin rejoins} with a fresh
 * session, which also drops the broker's in-flight copies of the messages it did not acknowledge.
 * While closed, arriving messages are neither handled nor acknowledged. A message that fails
 * although the database answers (a fault of that message) also rejoins on a fresh session, after
 * a wait that doubles (with jitter, up to the maximum) while no message is stored in between, so a
 * message that fails every time (a retained one comes again at each rejoin) cannot make the
 * receiver reconnect in a tight loop.
 *
 * <p>Thread-safe: {@link #open} and {@link #failed} are called from the MQTT callback thread, the
 * actions run on the gate's own probe thread.
 */
final class StoreGate implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreGate.class);

    /** What the receiver does when the database goes away and comes back; called on the probe thread. */
    interface Actions {
        /** Unsubscribes from the shared subscriptions (blocks for at most a few seconds). */
        void leave();

        /** Subscribes again, on a fresh connection. */
        void rejoin();
    }

    private final BooleanSupplier probe;
    private final Duration maxBackoff;
    private final Actions actions;
    private final String name;
    private final AtomicBoolean closedGate = new AtomicBoolean();
    private final AtomicLong outages = new AtomicLong();
    private final AtomicLong notAcknowledged = new AtomicLong();
    private volatile Duration lastOutage = Duration.ZERO;
    private volatile boolean stopped;
    private volatile Thread prober;
    private volatile boolean storedSinceRejoin = true;
    /** Waits before a rejoin after failures with the database answering; the probe thread only. */
    private final Backoff poison;

    /**
     * @param probe      answers whether the database works now; may block for seconds
     * @param maxBackoff longest wait between two probes
     * @param actions    leave and rejoin
     * @param name       thread name prefix
     */
    StoreGate(BooleanSupplier probe, Duration maxBackoff, Actions actions, String name) {
        this.probe = Objects.requireNonNull(probe, "probe");
        this.maxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.name = Objects.requireNonNull(name, "name");
        this.poison = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), maxBackoff, ThreadLocalRandom.current());
    }

    /** A message was stored and acknowledged. */
    void stored() {
        if (!storedSinceRejoin) {
            storedSinceRejoin = true;
        }
    }

    /** @return whether messages may be handled now (otherwise they are dropped unacknowledged) */
    boolean open() {
        return !closedGate.get();
    }

    /** Counts a message that arrived while closed or failed to store: not acknowledged. */
    void notAcknowledged() {
        notAcknowledged.incrementAndGet();
    }

    /** A message could not be stored: closes the gate and starts probing; returns at once. */
    void failed() {
        notAcknowledged();
        if (!stopped && closedGate.compareAndSet(false, true)) {
            prober = Thread.ofPlatform().name(name + "-db-probe").daemon(true).start(this::recover);
        }
    }

    private void recover() {
        long start = System.nanoTime();
        boolean left = false;
        try {
            if (!probe.getAsBoolean()) {
                outages.incrementAndGet();
                LOG.warn("{}: the database does not answer; leaving the shared subscription until it does", name);
                actions.leave();
                left = true;
                Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), maxBackoff,
                        ThreadLocalRandom.current());
                while (!stopped) {
                    Thread.sleep(backoff.next());
                    if (probe.getAsBoolean()) {
                        break;
                    }
                    LOG.debug("{}: database still down after {} probes", name, backoff.attempts());
                }
            } else {
                if (storedSinceRejoin) {
                    poison.reset();
                }
                Duration wait = poison.next();
                LOG.warn("{}: a message failed to store although the database answers; rejoining with a fresh session "
                        + "in {} ms", name, wait.toMillis());
                Thread.sleep(wait);
            }
        } catch (InterruptedException e) {
            return;
        } catch (RuntimeException e) {
            LOG.error("{}: probing the database failed: {}", name, e.toString());
        }
        if (stopped) {
            return;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (left) {
            lastOutage = took;
            LOG.warn("{}: the database answers again after {} s; rejoining the shared subscription", name,
                    took.toSeconds());
        }
        storedSinceRejoin = false;
        closedGate.set(false);
        actions.rejoin();
    }

    /** @return database outages seen (times the receiver left the subscription) */
    long outages() {
        return outages.get();
    }

    /** @return messages not acknowledged because they were not stored */
    long notAcknowledgedCount() {
        return notAcknowledged.get();
    }

    /** @return how long the last outage lasted, from the failure to the rejoin (zero before one) */
    Duration lastOutage() {
        return lastOutage;
    }

    @Override
    public void close() {
        stopped = true;
        Thread t = prober;
        if (t != null) {
            t.interrupt();
        }
    }
}
