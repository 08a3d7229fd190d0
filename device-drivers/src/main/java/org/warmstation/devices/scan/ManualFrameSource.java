package org.warmstation.devices.scan;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A camera whose picture is set by hand, for the demo and the tests: {@link #show} holds a card
 * in front of it, and every next frame is that picture until {@link #clear()}; with nothing
 * shown it delivers an empty (mid-grey) frame of the last shown size, like a camera looking at
 * an empty counter. Frames come at the given frame interval.
 *
 * <p>Thread-safe: {@link #show} and {@link #clear()} may be called from any thread (the JavaFX
 * thread, a test) while the scanner thread calls {@link #next}. Once closed, {@link #next}
 * returns empty at once; a scanner that reopens its source needs a factory that makes a new one.
 */
public final class ManualFrameSource implements FrameSource {
    private static final int DEFAULT_WIDTH = 320;
    private static final int DEFAULT_HEIGHT = 240;
    private static final byte EMPTY_GREY = (byte) 128;

    private final FramePacer pacer;
    private volatile LuminanceFrame shown;
    private volatile LuminanceFrame empty = emptyFrame(DEFAULT_WIDTH, DEFAULT_HEIGHT);

    /**
     * @param interval time between frames, positive (e.g. 50 ms for 20 frames a second)
     * @throws IllegalArgumentException when the interval is not positive
     */
    public ManualFrameSource(Duration interval) {
        this.pacer = new FramePacer(interval);
    }

    /**
     * Holds an image in front of the camera until {@link #clear()} or the next show.
     *
     * @param image the picture; converted to luminance now, later changes to it are not seen
     */
    public void show(BufferedImage image) {
        show(ImageFrames.toFrame(image));
    }

    /**
     * Holds a frame in front of the camera until {@link #clear()} or the next show.
     *
     * @param frame the picture; its plane is not copied and must not be changed afterwards
     */
    public void show(LuminanceFrame frame) {
        Objects.requireNonNull(frame, "frame");
        empty = emptyFrame(frame.width(), frame.height());
        shown = frame;
    }

    /** Takes the card away: the next frames are empty. */
    public void clear() {
        shown = null;
    }

    /**
     * Waits until the next frame is due and returns what is shown (or an empty frame).
     *
     * @param timeout how long to wait at most
     * @return the frame, captured now; empty when it is not due within the timeout or the
     *         source is closed
     */
    @Override
    public Optional<LuminanceFrame> next(Duration timeout) {
        if (!pacer.awaitDue(timeout)) {
            return Optional.empty();
        }
        LuminanceFrame f = shown;
        if (f == null) {
            f = empty;
        }
        return Optional.of(new LuminanceFrame(f.width(), f.height(), f.luma(), Instant.now()));
    }

    @Override
    public void close() {
        pacer.close();
    }

    private static LuminanceFrame emptyFrame(int width, int height) {
        byte[] grey = new byte[width * height];
        Arrays.fill(grey, EMPTY_GREY);
        return new LuminanceFrame(width, height, grey, Instant.EPOCH);
    }
}
