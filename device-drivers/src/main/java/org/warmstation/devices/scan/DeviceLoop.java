package org.warmstation.devices.scan;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread, status and restart logic the scanners share: open the device, use it until it
 * fails, report {@link ScannerStatus.State#RESTARTING}, wait with exponential backoff, open it
 * again; until {@link #close()}.
 */
abstract class DeviceLoop implements CardScanner {
    private static final Logger CLOSE_LOG = LoggerFactory.getLogger(DeviceLoop.class);
    private static final Duration JOIN_LIMIT = Duration.ofSeconds(10);

    /** Logger of the concrete scanner class, so its lines say which scanner wrote them. */
    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String threadName;
    private final Backoff backoff;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Object lock = new Object();
    private volatile ScanListener listener;
    private volatile ScannerStatus status = new ScannerStatus(ScannerStatus.State.STOPPED, "not started");
    private volatile boolean stopping;
    private Thread thread;
    private AutoCloseable device;

    DeviceLoop(String threadName, Duration initialBackoff, Duration maxBackoff) {
        this.threadName = threadName;
        this.backoff = new Backoff(initialBackoff, maxBackoff);
    }

    /**
     * One session with the device: open it, {@link #register} it, use it until it fails or
     * {@link #stopping()}, close it.
     *
     * @return what went wrong, for the RESTARTING status; ignored when stopping
     * @throws Exception when opening or using the device failed; its message becomes the status
     */
    protected abstract String session() throws Exception;

    /** @return the text of the STARTING status, e.g. "opening camera" */
    protected abstract String openingMessage();

    @Override
    public final void start(ScanListener listener) {
        Objects.requireNonNull(listener, "listener");
        synchronized (lock) {
            if (thread != null) {
                throw new IllegalStateException(threadName + " already started");
            }
            this.listener = listener;
            thread = Thread.ofPlatform().daemon().name(threadName).unstarted(this::loop);
            if (stopping) {
                return;
            }
            thread.start();
        }
    }

    /** Stops the thread, closes the device, waits for the thread to end; idempotent. */
    @Override
    public final void close() {
        Thread t;
        AutoCloseable d;
        synchronized (lock) {
            stopping = true;
            t = thread;
            d = device;
        }
        stop.countDown();
        closeQuietly(d);
        if (t != null && t != Thread.currentThread() && t.isAlive()) {
            try {
                if (!t.join(JOIN_LIMIT)) {
                    log.warn("{} did not stop within {}; a listener may be blocked", threadName, JOIN_LIMIT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** @return the latest status (any thread) */
    public final ScannerStatus status() {
        return status;
    }

    /** @return true once {@link #close()} was called */
    protected final boolean stopping() {
        return stopping;
    }

    /**
     * Makes the device the one {@link #close()} closes to wake the thread.
     *
     * @return false when the scanner is stopping; the device was then closed already
     */
    protected final boolean register(AutoCloseable d) {
        synchronized (lock) {
            if (stopping) {
                closeQuietly(d);
                return false;
            }
            device = d;
            return true;
        }
    }

    /** Forgets and closes the registered device. */
    protected final void release() {
        AutoCloseable d;
        synchronized (lock) {
            d = device;
            device = null;
        }
        closeQuietly(d);
    }

    /** Reports RUNNING (once per session) and resets the backoff. */
    protected final void running(String message) {
        backoff.reset();
        if (status.state() != ScannerStatus.State.RUNNING) {
            report(ScannerStatus.State.RUNNING, message);
        }
    }

    /** Passes a scan to the listener; an exception it throws is logged. */
    protected final void deliver(String text) {
        try {
            listener.onScan(text);
        } catch (RuntimeException e) {
            log.error("{}: scan listener failed on a scan of {} characters", threadName, text.length(), e);
        }
    }

    private void loop() {
        try {
            while (!stopping) {
                report(ScannerStatus.State.STARTING, openingMessage());
                String problem;
                try {
                    problem = session();
                } catch (Exception e) {
                    problem = e.getMessage() == null ? e.toString() : e.getMessage();
                    if (e instanceof RuntimeException) {
                        log.warn("{}: unexpected failure", threadName, e);
                    }
                } finally {
                    release();
                }
                if (stopping) {
                    break;
                }
                Duration wait = backoff.next();
                report(ScannerStatus.State.RESTARTING, (problem == null ? "device stopped" : problem)
                        + "; retrying in " + wait.toMillis() + " ms");
                if (stop.await(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            report(ScannerStatus.State.STOPPED, "closed");
        }
    }

    private void report(ScannerStatus.State state, String message) {
        ScannerStatus s = new ScannerStatus(state, message);
        status = s;
        if (state == ScannerStatus.State.RESTARTING) {
            log.warn("{}: {}", threadName, message);
        } else {
            log.info("{}: {} {}", threadName, state, message);
        }
        try {
            listener.onStatus(s);
        } catch (RuntimeException e) {
            log.error("{}: status listener failed", threadName, e);
        }
    }

    private static void closeQuietly(AutoCloseable d) {
        if (d == null) {
            return;
        }
        try {
            d.close();
        } catch (Exception e) {
            CLOSE_LOG.debug("closing device: {}", e.toString());
        }
    }
}
