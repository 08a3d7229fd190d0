package org.warmstation.devices.scan;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The camera card scanner: pulls frames from a {@link FrameSource}, decodes them with a
 * {@link FrameDecoder} (normally {@link QrDecoder}) and reports each code once while it stays in
 * view.
 *
 * <p>Runs on its own daemon thread (named {@code camera-scanner}); listener callbacks come on
 * that thread. A code is reported when it first appears; the same text is reported again only
 * after it was absent for {@link Settings#absentFrames()} consecutive frames (so a card held
 * still, with some frames too blurred to read, counts once). A camera that fails (the source
 * or its factory throws {@link IOException}) or stalls (no frame within
 * {@link Settings#stallTimeout()}) is closed, reported as RESTARTING with the reason, and
 * reopened after exponential backoff. Exceptions from the decoder or the listener are logged
 * and never end the thread.
 */
public final class CameraScanner extends DeviceLoop {
    private static final Logger LOG = LoggerFactory.getLogger(CameraScanner.class);

    /**
     * Tuning of a camera scanner.
     *
     * @param stallTimeout   a camera that delivers no frame for this long is restarted
     * @param absentFrames   consecutive frames without a code after which the code counts as
     *                       gone (shown again, it is reported again), at least 1
     * @param initialBackoff first wait before reopening a failed camera
     * @param maxBackoff     the wait doubles after each failure up to this
     */
    public record Settings(Duration stallTimeout, int absentFrames, Duration initialBackoff, Duration maxBackoff) {
        /**
         * @throws IllegalArgumentException when a duration is not positive, absentFrames is
         *                                  below 1, or maxBackoff is below initialBackoff
         */
        public Settings {
            if (stallTimeout.isNegative() || stallTimeout.isZero()) {
                throw new IllegalArgumentException("stallTimeout must be positive: " + stallTimeout);
            }
            if (absentFrames < 1) {
                throw new IllegalArgumentException("absentFrames must be at least 1: " + absentFrames);
            }
            new Backoff(initialBackoff, maxBackoff); // validates
        }

        /** @return 3 s stall timeout, 10 absent frames, backoff 1 s doubling up to 30 s */
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(3), 10, Duration.ofSeconds(1), Duration.ofSeconds(30));
        }
    }

    private final FrameSourceFactory factory;
    private final FrameDecoder decoder;
    private final Settings settings;
    // scanner thread only; kept across camera restarts so a restart does not repeat a scan
    private String inView;
    private int absent;
    private long decoderFailures;

    /**
     * @param factory  opens the camera (again after each failure), on the scanner thread
     * @param decoder  the decoder, normally a {@link QrDecoder}; called on the scanner thread
     * @param settings timeouts and backoff
     */
    public CameraScanner(FrameSourceFactory factory, FrameDecoder decoder, Settings settings) {
        super("camera-scanner", settings.initialBackoff(), settings.maxBackoff());
        this.factory = Objects.requireNonNull(factory, "factory");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.settings = settings;
    }

    @Override
    protected String openingMessage() {
        return "opening camera";
    }

    @Override
    protected String session() throws IOException {
        FrameSource source;
        try {
            source = Objects.requireNonNull(factory.open(), "camera factory returned null");
        } catch (IOException e) {
            throw new IOException("cannot open camera: " + e.getMessage(), e);
        }
        if (!register(source)) {
            return null;
        }
        while (!stopping()) {
            Optional<LuminanceFrame> frame;
            try {
                frame = source.next(settings.stallTimeout());
            } catch (IOException e) {
                return "camera failed: " + e.getMessage();
            }
            if (stopping()) {
                return null;
            }
            if (frame.isEmpty()) {
                return "no frame from camera within " + settings.stallTimeout().toMillis() + " ms";
            }
            running("frames arriving");
            see(decode(frame.get()));
        }
        return null;
    }

    private Optional<String> decode(LuminanceFrame frame) {
        try {
            return decoder.decode(frame);
        } catch (RuntimeException e) {
            decoderFailures++;
            if (decoderFailures == 1 || decoderFailures % 100 == 0) { // a decoder bug must not flood the log
                LOG.error("decoder failed on a {}x{} frame ({} failures so far); frame skipped",
                        frame.width(), frame.height(), decoderFailures, e);
            }
            return Optional.empty();
        }
    }

    private void see(Optional<String> text) {
        if (text.isPresent()) {
            absent = 0;
            if (!text.get().equals(inView)) {
                inView = text.get();
                deliver(inView);
            }
        } else if (inView != null && ++absent >= settings.absentFrames()) {
            inView = null;
            absent = 0;
        }
    }
}
