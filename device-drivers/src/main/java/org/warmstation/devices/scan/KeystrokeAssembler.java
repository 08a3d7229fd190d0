package org.warmstation.devices.scan;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reassembles the codes of a keyboard-wedge USB QR scanner from key events: such a scanner
 * "types" the code very fast and ends it with Enter. Characters are collected until {@code '\r'}
 * or {@code '\n'}, which emits them as one scan; a gap longer than {@code maxGap} between two
 * characters means a human is typing, and what was collected so far is discarded; a code longer
 * than {@code maxLength} characters is discarded with a log line (and the rest of it up to
 * the next Enter is ignored).
 *
 * <p>Thread-safe (calls are serialized); meant to be fed from the JavaFX thread's key events.
 * {@code onScan} is called on the thread that calls {@link #key} with the terminating
 * character; an exception it throws is logged, not passed to the caller.
 */
public final class KeystrokeAssembler {
    private static final Logger LOG = LoggerFactory.getLogger(KeystrokeAssembler.class);

    private final Duration maxGap;
    private final int maxLength;
    private final Consumer<String> onScan;
    private final StringBuilder collected = new StringBuilder();
    private Instant last;
    private boolean overlong;

    /**
     * @param maxGap    longest pause between two characters of one scan (scanners type a
     *                  character every few milliseconds; e.g. 50 ms), positive
     * @param maxLength longest code accepted, in characters, at least 1
     * @param onScan    receives each assembled code, without its terminator
     * @throws IllegalArgumentException when maxGap is not positive or maxLength is below 1
     */
    public KeystrokeAssembler(Duration maxGap, int maxLength, Consumer<String> onScan) {
        if (maxGap.isNegative() || maxGap.isZero()) {
            throw new IllegalArgumentException("maxGap must be positive: " + maxGap);
        }
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1: " + maxLength);
        }
        this.maxGap = maxGap;
        this.maxLength = maxLength;
        this.onScan = Objects.requireNonNull(onScan, "onScan");
    }

    /**
     * Takes one typed character.
     *
     * @param c  the character (from a KEY_TYPED event); {@code '\r'} and {@code '\n'} end a scan
     * @param at when it was typed; times must not go backwards (a character earlier than the
     *           previous one counts as a gap)
     */
    public void key(char c, Instant at) {
        Objects.requireNonNull(at, "at");
        String scan = null;
        synchronized (this) {
            if (last != null && (at.isBefore(last) || Duration.between(last, at).compareTo(maxGap) > 0)) {
                if (!collected.isEmpty()) {
                    LOG.debug("discarding {} slowly typed characters", collected.length());
                }
                collected.setLength(0);
                overlong = false;
            }
            last = at;
            if (c == '\r' || c == '\n') {
                if (!overlong && !collected.isEmpty()) {
                    scan = collected.toString();
                }
                collected.setLength(0);
                overlong = false;
                last = null;
            } else if (!overlong) {
                if (collected.length() >= maxLength) {
                    LOG.warn("discarding keyboard scanner input longer than {} characters", maxLength);
                    collected.setLength(0);
                    overlong = true;
                } else {
                    collected.append(c);
                }
            }
        }
        if (scan != null) {
            try {
                onScan.accept(scan);
            } catch (RuntimeException e) {
                LOG.error("scan consumer failed on a keyboard scan of {} characters", scan.length(), e);
            }
        }
    }
}
