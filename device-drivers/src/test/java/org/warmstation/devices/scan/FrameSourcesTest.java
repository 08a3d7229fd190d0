package org.warmstation.devices.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folder replay and the hand-held "camera". */
class FrameSourcesTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private final QrDecoder decoder = new QrDecoder();

    @TempDir
    Path folder;

    @Test
    void folderSourceReplaysReadableImagesInNameOrderAndLoops() throws IOException {
        String first = TestCards.token(1);
        String second = TestCards.token(2);
        ImageIO.write(TestCards.scene(TestCards.card(first), 0), "png", folder.resolve("a.png").toFile());
        ImageIO.write(TestCards.scene(TestCards.card(second), 0), "jpg", folder.resolve("b.jpg").toFile());
        Files.writeString(folder.resolve("c.png"), "not an image");
        Files.writeString(folder.resolve("notes.txt"), "ignored");
        List<Optional<String>> seen = new ArrayList<>();
        try (FolderFrameSource source = FolderFrameSource.open(folder, Duration.ofMillis(5))) {
            assertEquals(2, source.size());
            for (int i = 0; i < 4; i++) {
                seen.add(decoder.decode(source.next(WAIT).orElseThrow()));
            }
        }
        assertEquals(List.of(Optional.of(first), Optional.of(second), Optional.of(first), Optional.of(second)), seen);
    }

    @Test
    void folderWithoutImagesCannotBeOpened() throws IOException {
        Files.writeString(folder.resolve("x.png"), "broken");
        IOException e = assertThrows(IOException.class, () -> FolderFrameSource.open(folder, Duration.ofMillis(5)));
        assertTrue(e.getMessage().contains("no readable image"), e.getMessage());
    }

    @Test
    void folderSourceWaitsForTheFrameIntervalAndReturnsEmptyWhenTheTimeoutIsShorter() throws IOException {
        ImageIO.write(TestCards.scene(TestCards.card(TestCards.token(1)), 0), "png", folder.resolve("a.png").toFile());
        try (FolderFrameSource source = FolderFrameSource.open(folder, Duration.ofHours(1))) {
            assertTrue(source.next(WAIT).isPresent());
            assertEquals(Optional.empty(), source.next(Duration.ofMillis(20)));
        }
    }

    @Test
    void manualSourceHoldsTheShownCardUntilCleared() {
        String token = TestCards.token(3);
        try (ManualFrameSource camera = new ManualFrameSource(Duration.ofMillis(5))) {
            assertEquals(Optional.empty(), decoder.decode(camera.next(WAIT).orElseThrow()));
            camera.show(TestCards.scene(TestCards.card(token), 20));
            for (int i = 0; i < 3; i++) {
                assertEquals(Optional.of(token), decoder.decode(camera.next(WAIT).orElseThrow()));
            }
            camera.clear();
            LuminanceFrame empty = camera.next(WAIT).orElseThrow();
            assertEquals(TestCards.SCENE_WIDTH, empty.width(), "an empty frame keeps the camera's size");
            assertEquals(Optional.empty(), decoder.decode(empty));
        }
    }

    @Test
    void manualSourceAcceptsShowAndClearFromOtherThreads() throws InterruptedException {
        String token = TestCards.token(4);
        LuminanceFrame card = ImageFrames.toFrame(TestCards.scene(TestCards.card(token), 0));
        try (ManualFrameSource camera = new ManualFrameSource(Duration.ofMillis(1))) {
            Thread flicker = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 2000; i++) {
                    if (i % 2 == 0) {
                        camera.show(card);
                    } else {
                        camera.clear();
                    }
                }
                camera.show(card);
            });
            flicker.join();
            assertEquals(Optional.of(token), decoder.decode(camera.next(WAIT).orElseThrow()));
        }
    }

    @Test
    void closedManualSourceReturnsNoFrame() {
        ManualFrameSource camera = new ManualFrameSource(Duration.ofMillis(5));
        camera.close();
        assertEquals(Optional.empty(), camera.next(WAIT));
    }
}
