package org.warmstation.devices.scan;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A USB QR scanner in serial mode (a CDC-ACM device such as {@code /dev/ttyACM0}) that sends
 * each code as a line of UTF-8 text ended by CR, LF or CR LF.
 *
 * <p>Runs on its own daemon thread (named {@code line-scanner}); listener callbacks come on
 * that thread. Every non-empty line is one scan, passed on exactly (no trimming). A line longer
 * than the maximum is discarded with a log line. When the stream ends or fails (scanner
 * unplugged) it is closed, RESTARTING is reported, and it is reopened after exponential
 * backoff.
 *
 * <p>Open the device with {@code Files.newInputStream(Path.of("/dev/ttyACM0"))}: that stream
 * is channel-backed, so {@link #close()} wakes a read blocked on it (a {@code FileInputStream}
 * would not). Put the tty in raw mode first ({@code stty -F /dev/ttyACM0 raw -echo}) so the
 * kernel neither echoes nor rewrites the scanner's bytes.
 */
public final class LineScanner extends DeviceLoop {
    private static final Logger LOG = LoggerFactory.getLogger(LineScanner.class);

    private final InputStreamFactory factory;
    private final int maxLength;

    /**
     * @param factory        opens the device (again after each failure), on the scanner thread
     * @param maxLength      longest line accepted, in bytes, at least 1
     * @param initialBackoff first wait before reopening a failed device, positive
     * @param maxBackoff     the wait doubles after each failure up to this
     * @throws IllegalArgumentException when maxLength is below 1 or the backoff is not
     *                                  {@code 0 < initial <= max}
     */
    public LineScanner(InputStreamFactory factory, int maxLength, Duration initialBackoff, Duration maxBackoff) {
        super("line-scanner", initialBackoff, maxBackoff);
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1: " + maxLength);
        }
        this.factory = Objects.requireNonNull(factory, "factory");
        this.maxLength = maxLength;
    }

    @Override
    protected String openingMessage() {
        return "opening serial scanner";
    }

    @Override
    protected String session() throws IOException {
        InputStream raw;
        try {
            raw = Objects.requireNonNull(factory.open(), "scanner factory returned null");
        } catch (IOException e) {
            throw new IOException("cannot open serial scanner: " + e.getMessage(), e);
        }
        if (!register(raw)) {
            return null;
        }
        running("serial scanner open");
        InputStream in = new BufferedInputStream(raw);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean overlong = false;
        while (!stopping()) {
            int b;
            try {
                b = in.read();
            } catch (IOException e) {
                return stopping() ? null : "serial scanner failed: " + e.getMessage();
            }
            if (b < 0) {
                return "serial scanner input ended";
            }
            if (b == '\r' || b == '\n') {
                if (!overlong && line.size() > 0) {
                    deliver(line.toString(StandardCharsets.UTF_8));
                }
                line.reset();
                overlong = false;
            } else if (!overlong) {
                if (line.size() >= maxLength) {
                    LOG.warn("discarding a serial scanner line longer than {} bytes", maxLength);
                    line.reset();
                    overlong = true;
                } else {
                    line.write(b);
                }
            }
        }
        return null;
    }
}
