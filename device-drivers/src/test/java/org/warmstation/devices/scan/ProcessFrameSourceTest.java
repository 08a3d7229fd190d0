package org.warmstation.devices.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real child process ({@code cat}, {@code sh}) writing raw frames to its standard output. */
class ProcessFrameSourceTest {
    private static final int W = 640;
    private static final int H = 480;
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final QrDecoder decoder = new QrDecoder();

    @TempDir
    Path dir;

    private static LuminanceFrame cardFrame(String token) {
        return ImageFrames.toFrame(TestCards.resize(TestCards.scene(TestCards.card(token), 12), W, H));
    }

    /** Reads every frame until the source fails; returns the decoded texts and the failure. */
    private List<Optional<String>> decodeUntilFailure(ProcessFrameSource source, IOException[] failure) {
        List<Optional<String>> texts = new ArrayList<>();
        failure[0] = assertThrows(IOException.class, () -> {
            while (true) {
                source.next(WAIT).ifPresentOrElse(f -> texts.add(decoder.decode(f)),
                        () -> { throw new AssertionError("no frame and no end within " + WAIT); });
            }
        });
        return texts;
    }

    @Test
    void readsGray8FramesFromChildAndFailsWhenItExits() throws IOException {
        String token = TestCards.token(11);
        Path raw = dir.resolve("frames.gray");
        LuminanceFrame card = cardFrame(token);
        Files.write(raw, card.luma());
        IOException[] failure = new IOException[1];
        try (ProcessFrameSource source = ProcessFrameSource.start(List.of("cat", raw.toString()), PixelFormat.GRAY8, W, H)) {
            List<Optional<String>> texts = decodeUntilFailure(source, failure);
            assertEquals(List.of(Optional.of(token)), texts);
        }
        assertTrue(failure[0].getMessage().contains("exited with code 0 after 1 frames"), failure[0].getMessage());
    }

    @Test
    void readsI420FramesSkippingTheChromaPlanesAndReportsWhyTheChildEnded() throws IOException {
        String first = TestCards.token(12);
        String second = TestCards.token(13);
        Random random = new Random(5);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String token : List.of(first, second)) {
            out.writeBytes(cardFrame(token).luma());
            byte[] chroma = new byte[2 * (W / 2) * (H / 2)];
            random.nextBytes(chroma); // garbage: must never reach the decoder
            out.writeBytes(chroma);
        }
        Path raw = dir.resolve("frames.yuv");
        Files.write(raw, out.toByteArray());
        // sh writes the frames slowly enough that none is dropped, then fails with code 3
        List<String> command = List.of("sh", "-c", "head -c " + (W * H * 3 / 2) + " \"$0\"; sleep 0.5; tail -c "
                + (W * H * 3 / 2) + " \"$0\"; sleep 0.5; echo 'camera gone' >&2; exit 3", raw.toString());
        IOException[] failure = new IOException[1];
        try (ProcessFrameSource source = ProcessFrameSource.start(command, PixelFormat.YUV420, W, H)) {
            List<Optional<String>> texts = decodeUntilFailure(source, failure);
            assertEquals(List.of(Optional.of(first), Optional.of(second)), texts);
        }
        assertTrue(failure[0].getMessage().contains("exited with code 3 after 2 frames; it said: camera gone"),
                failure[0].getMessage());
    }

    @Test
    void aTruncatedLastFrameIsDroppedAndEndsTheSource() throws IOException {
        LuminanceFrame card = cardFrame(TestCards.token(14));
        Path raw = dir.resolve("short.gray");
        Files.write(raw, java.util.Arrays.copyOf(card.luma(), W * H + 1000));
        try (ProcessFrameSource source = ProcessFrameSource.start(List.of("cat", raw.toString()), PixelFormat.GRAY8, W, H)) {
            assertTrue(source.next(WAIT).isPresent());
            assertThrows(IOException.class, () -> source.next(WAIT));
        }
    }

    @Test
    void silentChildGivesNoFrameWithinTheTimeoutAndCloseKillsIt() throws IOException, InterruptedException {
        ProcessFrameSource source = ProcessFrameSource.start(List.of("sleep", "60"), PixelFormat.GRAY8, W, H);
        ProcessHandle child = ProcessHandle.of(source.pid()).orElseThrow();
        assertEquals(Optional.empty(), source.next(Duration.ofMillis(100)));
        source.close();
        Instant deadline = Instant.now().plus(WAIT);
        while (child.isAlive() && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertFalse(child.isAlive(), "close() must kill the camera process");
        assertEquals(Optional.empty(), source.next(Duration.ofMillis(10)), "a closed source gives no frame");
        source.close(); // idempotent
    }

    @Test
    void missingCameraProgramCannotBeStarted() {
        IOException e = assertThrows(IOException.class, () -> ProcessFrameSource.start(
                List.of(dir.resolve("no-such-camera").toString()), PixelFormat.GRAY8, W, H));
        assertTrue(e.getMessage().contains("cannot start camera process"), e.getMessage());
    }

    @Test
    void frameSizesFollowThePixelFormat() {
        assertEquals(640L * 480, PixelFormat.GRAY8.frameBytes(640, 480));
        assertEquals(640L * 480 * 3 / 2, PixelFormat.YUV420.frameBytes(640, 480));
        assertEquals(5L * 3 + 2 * 3 * 2, PixelFormat.YUV420.frameBytes(5, 3), "odd sizes round the chroma planes up");
    }
}
