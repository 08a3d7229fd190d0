package org.warmstation.devices.scan;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A camera behind a child process that writes raw frames to its standard output, e.g.
 * {@code rpicam-vid --codec yuv420 -t 0 -n --width 640 --height 480 -o -} on a Raspberry Pi, or
 * {@code ffmpeg -f v4l2 -i /dev/video0 -pix_fmt gray -f rawvideo -} for a USB webcam.
 * Frames must be tightly packed: with rpicam-vid pick a width that is a multiple of 64 (640x480
 * is), since it writes other widths with each row padded to its buffer stride.
 *
 * <p>A reader thread reads exact frames ({@link PixelFormat#frameBytes}) and keeps the luminance
 * plane of the latest {@value #QUEUED_FRAMES}, dropping older ones so the scanner never lags
 * behind the camera; the chroma planes of YUV420 are skipped. The child's standard error is
 * drained line by line to the log (logger of this class: the first {@value #STDERR_INFO_LINES}
 * lines at INFO, later ones at DEBUG, as camera programs may print a line per frame). When the
 * child exits or its output ends, {@link #next} returns the frames already read and then throws
 * {@link IOException}, whose message ends with the child's last lines of standard error. {@link #close()} kills the child (and its descendants) from any thread.
 */
public final class ProcessFrameSource implements FrameSource {
    /** Frames kept for {@link #next}; older ones are dropped. */
    public static final int QUEUED_FRAMES = 2;
    private static final Logger LOG = LoggerFactory.getLogger(ProcessFrameSource.class);
    /** Standard-error lines logged at INFO; the rest go to DEBUG. */
    public static final int STDERR_INFO_LINES = 20;
    private static final int STDERR_KEPT_LINES = 3;
    private static final Duration KILL_GRACE = Duration.ofSeconds(1);

    private final Process process;
    private final String commandText;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<LuminanceFrame> frames = new ArrayDeque<>();
    private final ArrayDeque<String> lastStderr = new ArrayDeque<>();
    private Thread stderrDrain;
    private IOException failure;
    private boolean closed;

    private ProcessFrameSource(Process process, String commandText) {
        this.process = process;
        this.commandText = commandText;
    }

    /**
     * Starts the camera process.
     *
     * @param command the command line, program first (no shell is involved)
     * @param format  the pixel format the program writes
     * @param width   frame width in pixels, at least 1
     * @param height  frame height in pixels, at least 1
     * @return the running source; frames arrive as the child writes them
     * @throws IOException              when the program cannot be started (not installed, not
     *                                  executable)
     * @throws IllegalArgumentException when the command is empty or a size is below 1
     */
    public static ProcessFrameSource start(List<String> command, PixelFormat format, int width, int height)
            throws IOException {
        Objects.requireNonNull(format, "format");
        if (command.isEmpty()) {
            throw new IllegalArgumentException("empty camera command");
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("frame size " + width + "x" + height);
        }
        String text = String.join(" ", command);
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IOException("cannot start camera process '" + text + "': " + e.getMessage(), e);
        }
        LOG.info("camera process {} started: {} ({} {}x{})", p.pid(), text, format, width, height);
        ProcessFrameSource source = new ProcessFrameSource(p, text);
        source.stderrDrain = Thread.ofPlatform().daemon().name("camera-stderr-" + p.pid()).start(source::drainStderr);
        Thread.ofPlatform().daemon().name("camera-reader-" + p.pid()).start(() -> source.readFrames(format, width, height));
        return source;
    }

    /**
     * Waits for the next frame.
     *
     * @param timeout how long to wait at most
     * @return the oldest frame not yet returned, or empty when none arrived within the timeout
     *         or the source was closed
     * @throws IOException when the child exited or its output ended, and every frame it wrote
     *                     was returned
     */
    @Override
    public Optional<LuminanceFrame> next(Duration timeout) throws IOException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (frames.isEmpty() && failure == null && !closed) {
                if (nanos <= 0) {
                    return Optional.empty();
                }
                nanos = changed.awaitNanos(nanos);
            }
            if (!frames.isEmpty()) {
                return Optional.of(frames.removeFirst());
            }
            if (closed) {
                return Optional.empty();
            }
            throw failure;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    /** @return the process id of the camera program, for the log */
    public long pid() {
        return process.pid();
    }

    /** Kills the child process and its descendants; idempotent, never throws. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            process.getInputStream().close();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing camera process {}: {}", process.pid(), e.toString());
        }
        LOG.info("camera process {} stopped", process.pid());
    }

    private void readFrames(PixelFormat format, int width, int height) {
        int lumaBytes = width * height;
        long chromaBytes = format.frameBytes(width, height) - lumaBytes;
        long count = 0;
        IOException cause = null;
        try (InputStream in = new BufferedInputStream(process.getInputStream(), 1 << 16)) {
            while (true) {
                byte[] luma = new byte[lumaBytes];
                int n = in.readNBytes(luma, 0, lumaBytes);
                if (n < lumaBytes) {
                    if (n > 0) {
                        LOG.warn("camera process {} ended inside a frame ({} of {} bytes); wrong size or pixel format?",
                                process.pid(), n, format.frameBytes(width, height));
                    }
                    break;
                }
                if (chromaBytes > 0) {
                    in.skipNBytes(chromaBytes);
                }
                count++;
                offer(new LuminanceFrame(width, height, luma, Instant.now()));
            }
        } catch (IOException e) {
            cause = e;
        }
        fail(count, cause);
    }

    private void offer(LuminanceFrame frame) {
        lock.lock();
        try {
            if (frames.size() >= QUEUED_FRAMES) {
                frames.removeFirst();
            }
            frames.addLast(frame);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void fail(long count, IOException cause) {
        String exit;
        try {
            exit = process.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS)
                    ? "exited with code " + process.exitValue() : "closed its output";
            stderrDrain.join(KILL_GRACE); // its last words, if it is gone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exit = "closed its output";
        }
        String said;
        synchronized (lastStderr) {
            said = lastStderr.isEmpty() ? "" : "; it said: " + String.join(" | ", lastStderr);
        }
        IOException e = new IOException("camera process '" + commandText + "' " + exit + " after " + count + " frames"
                + (cause == null ? "" : ": " + cause.getMessage()) + said, cause);
        lock.lock();
        try {
            failure = e;
            changed.signalAll();
            if (!closed) {
                LOG.warn(e.getMessage());
            }
        } finally {
            lock.unlock();
        }
    }

    private void drainStderr() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            long n = 0;
            while ((line = r.readLine()) != null) {
                if (++n <= STDERR_INFO_LINES) {
                    LOG.info("camera {}: {}", process.pid(), line);
                } else {
                    LOG.debug("camera {}: {}", process.pid(), line);
                }
                synchronized (lastStderr) {
                    if (lastStderr.size() == STDERR_KEPT_LINES) {
                        lastStderr.removeFirst();
                    }
                    lastStderr.addLast(line.length() > 200 ? line.substring(0, 200) + "..." : line);
                }
            }
        } catch (IOException e) {
            LOG.debug("camera {} stderr: {}", process.pid(), e.toString());
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
