package org.warmstation.devices.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder of images replayed as a camera: one image per frame interval, in file-name order,
 * looping forever. For the demo and for trying the scanner without a camera.
 *
 * <p>The images (png, jpg, jpeg, gif, webp, bmp directly in the folder) are read and converted
 * when the source is opened; files that cannot be read are skipped with a log line. One thread
 * calls {@link #next}; {@link #close()} may come from any thread.
 */
public final class FolderFrameSource implements FrameSource {
    private static final Logger LOG = LoggerFactory.getLogger(FolderFrameSource.class);
    private static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "webp", "bmp");

    private final List<LuminanceFrame> frames;
    private final FramePacer pacer;
    private int index;

    private FolderFrameSource(List<LuminanceFrame> frames, Duration interval) {
        this.frames = frames;
        this.pacer = new FramePacer(interval);
    }

    /**
     * Opens a folder.
     *
     * @param folder   the folder of images
     * @param interval time between frames, positive (e.g. 100 ms for 10 frames a second)
     * @return the source; its first frame is available at once
     * @throws IOException              when the folder cannot be listed or holds no readable image
     * @throws IllegalArgumentException when the interval is not positive
     */
    public static FolderFrameSource open(Path folder, Duration interval) throws IOException {
        Objects.requireNonNull(folder, "folder");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("frame interval must be positive: " + interval);
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(Files::isRegularFile).filter(FolderFrameSource::isImage).sorted().toList();
        }
        List<LuminanceFrame> frames = new ArrayList<>();
        for (Path file : files) {
            try {
                frames.add(ImageFrames.toFrame(ImageFrames.read(file)));
            } catch (IOException | RuntimeException e) {
                LOG.warn("skipping image {}: {}", file, e.getMessage());
            }
        }
        if (frames.isEmpty()) {
            throw new IOException("no readable image in " + folder);
        }
        return new FolderFrameSource(List.copyOf(frames), interval);
    }

    /**
     * Waits until the next frame is due, then returns it with its capture time set to now.
     *
     * @param timeout how long to wait at most
     * @return the frame, or empty when it is not due within the timeout or the source was closed
     * @throws IOException never in practice (the images are in memory); declared by the role
     */
    @Override
    public Optional<LuminanceFrame> next(Duration timeout) throws IOException {
        if (!pacer.awaitDue(timeout)) {
            return Optional.empty();
        }
        LuminanceFrame f = frames.get(index);
        index = (index + 1) % frames.size();
        return Optional.of(new LuminanceFrame(f.width(), f.height(), f.luma(), Instant.now()));
    }

    /** @return how many images the folder replays */
    public int size() {
        return frames.size();
    }

    @Override
    public void close() {
        pacer.close();
    }

    private static boolean isImage(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
