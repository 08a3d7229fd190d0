package org.warmstation.devices.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.warmstation.devices.scan.Recorder.await;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.devices.scan.ScannerStatus.State;

class CameraScannerTest {
    private static final String TOKEN = TestCards.token(21);
    private static final LuminanceFrame CARD = ImageFrames.toFrame(TestCards.scene(TestCards.card(TOKEN), 10));

    @TempDir
    Path dir;

    private final ManualFrameSource camera = new ManualFrameSource(Duration.ofMillis(5));
    private final AtomicInteger frames = new AtomicInteger();
    private final Recorder recorder = new Recorder();
    private CameraScanner scanner;

    @AfterEach
    void closeScanner() {
        if (scanner != null) {
            scanner.close();
        }
        camera.close();
    }

    private static CameraScanner.Settings settings(Duration stall, int absentFrames) {
        return new CameraScanner.Settings(stall, absentFrames, Duration.ofMillis(10), Duration.ofMillis(40));
    }

    /** The manual camera, counting the frames the scanner pulls. */
    private FrameSource counted() {
        return new FrameSource() {
            @Override
            public Optional<LuminanceFrame> next(Duration timeout) {
                Optional<LuminanceFrame> f = camera.next(timeout);
                f.ifPresent(x -> frames.incrementAndGet());
                return f;
            }

            @Override
            public void close() {
                // the test closes the camera
            }
        };
    }

    private void startOnCamera(int absentFrames) {
        scanner = new CameraScanner(this::counted, new QrDecoder(), settings(Duration.ofSeconds(5), absentFrames));
        scanner.start(recorder);
    }

    private void awaitMoreFrames(int n) {
        int target = frames.get() + n;
        await(n + " more frames", () -> frames.get() >= target);
    }

    @Test
    void cardHeldOverManyFramesIsReportedOnce() {
        startOnCamera(3);
        camera.show(CARD);
        await("the scan", () -> recorder.scans.size() == 1);
        awaitMoreFrames(30);
        assertEquals(List.of(TOKEN), recorder.scans);
        assertEquals(State.RUNNING, scanner.status().state());
    }

    @Test
    void cardTakenAwayAndShownAgainIsReportedAgain() {
        startOnCamera(3);
        camera.show(CARD);
        await("the first scan", () -> recorder.scans.size() == 1);
        camera.clear();
        awaitMoreFrames(6);
        camera.show(CARD);
        await("the second scan", () -> recorder.scans.size() == 2);
        assertEquals(List.of(TOKEN, TOKEN), recorder.scans);
    }

    @Test
    void cardMissingForFewerFramesThanConfiguredIsNotReportedAgain() {
        startOnCamera(1000);
        camera.show(CARD);
        await("the scan", () -> recorder.scans.size() == 1);
        camera.clear();
        awaitMoreFrames(5);
        camera.show(CARD);
        awaitMoreFrames(20);
        assertEquals(List.of(TOKEN), recorder.scans);
    }

    @Test
    void twoCardsShownInTurnAreBothReported() {
        String other = TestCards.token(22);
        startOnCamera(3);
        camera.show(CARD);
        await("the first card", () -> recorder.scans.size() == 1);
        camera.show(TestCards.scene(TestCards.card(other), -20));
        await("the second card", () -> recorder.scans.size() == 2);
        assertEquals(List.of(TOKEN, other), recorder.scans);
    }

    @Test
    void cameraThatFailsToOpenIsRetriedWithBackoffUntilItWorks() {
        AtomicInteger opens = new AtomicInteger();
        scanner = new CameraScanner(() -> {
            if (opens.incrementAndGet() <= 3) {
                throw new IOException("no camera on /dev/video0");
            }
            return counted();
        }, new QrDecoder(), settings(Duration.ofSeconds(5), 3));
        camera.show(CARD);
        scanner.start(recorder);
        await("the scan", () -> recorder.scans.size() == 1);

        assertEquals(List.of(TOKEN), recorder.scans);
        assertEquals(4, opens.get());
        List<ScannerStatus> restarts = recorder.statuses.stream().filter(s -> s.state() == State.RESTARTING).toList();
        assertEquals(3, restarts.size(), recorder.statuses.toString());
        assertTrue(restarts.stream().allMatch(s -> s.message().contains("cannot open camera: no camera on /dev/video0")),
                restarts.toString());
        assertEquals(List.of(State.STARTING, State.RESTARTING, State.STARTING, State.RESTARTING, State.STARTING,
                State.RESTARTING, State.STARTING, State.RUNNING), recorder.states());
    }

    @Test
    void stalledCameraIsClosedAndRestarted() {
        List<ProcessFrameSource> started = new CopyOnWriteArrayList<>();
        scanner = new CameraScanner(() -> {
            ProcessFrameSource s = ProcessFrameSource.start(List.of("sleep", "60"), PixelFormat.GRAY8, 64, 48);
            started.add(s);
            return s;
        }, new QrDecoder(), settings(Duration.ofMillis(200), 3));
        scanner.start(recorder);
        await("two restarts", () -> recorder.count(State.RESTARTING) >= 2);

        ScannerStatus restart = recorder.statuses.stream().filter(s -> s.state() == State.RESTARTING).findFirst().orElseThrow();
        assertTrue(restart.message().contains("no frame from camera within 200 ms"), restart.message());
        ProcessHandle first = ProcessHandle.of(started.get(0).pid()).orElse(null);
        await("the stalled camera process to be killed", () -> first == null || !first.isAlive());
        assertTrue(started.size() >= 2, "the camera was reopened");
        assertEquals(0, recorder.count(State.RUNNING));
    }

    @Test
    void cameraProcessThatDiesIsRestartedWithoutReportingTheHeldCardAgain() throws IOException {
        Path raw = dir.resolve("card.gray");
        Files.write(raw, CARD.luma());
        AtomicInteger opens = new AtomicInteger();
        scanner = new CameraScanner(() -> {
            opens.incrementAndGet();
            return ProcessFrameSource.start(List.of("cat", raw.toString()), PixelFormat.GRAY8, CARD.width(), CARD.height());
        }, new QrDecoder(), settings(Duration.ofSeconds(5), 3));
        scanner.start(recorder);
        await("three camera sessions", () -> opens.get() >= 3 && recorder.count(State.RESTARTING) >= 2);

        assertEquals(List.of(TOKEN), recorder.scans);
        assertTrue(recorder.statuses.stream().anyMatch(s -> s.state() == State.RESTARTING
                && s.message().contains("camera failed: camera process 'cat ") && s.message().contains("exited with code 0")),
                recorder.statuses.toString());
    }

    @Test
    void hostileTextsReachTheListenerUnchangedAndAThrowingListenerDoesNotStopTheScanner() {
        List<String> hostile = List.of(
                "https://evil.example/login?next=javascript:alert(1)&card=WSM:AAAA",
                "A".repeat(1024) + "0123456789 $%*+-./:".repeat(160) + "Z".repeat(32),
                "ctrl\u0000\u0007\u001b[31mred\u001b[0m\ttab\r\nline\u2028sep 暖心驿站 \uD83D\uDE9A");
        assertEquals(4096, hostile.get(1).length());
        List<String> received = new CopyOnWriteArrayList<>();
        ScanListener throwing = new ScanListener() {
            @Override
            public void onScan(String text) {
                received.add(text);
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void onStatus(ScannerStatus status) {
                recorder.onStatus(status);
                throw new IllegalStateException("status listener bug");
            }
        };
        scanner = new CameraScanner(this::counted, new QrDecoder(), settings(Duration.ofSeconds(5), 3));
        scanner.start(throwing);
        for (int i = 0; i < hostile.size(); i++) {
            camera.show(TestCards.qr(hostile.get(i), ErrorCorrectionLevel.L, 3));
            int n = i + 1;
            await("hostile text " + n, () -> received.size() == n);
        }
        assertEquals(hostile, received);
        assertEquals(State.RUNNING, scanner.status().state());
        assertEquals(0, recorder.count(State.RESTARTING));
    }

    @Test
    void decoderThatThrowsOnSomeFramesDoesNotStopTheScanner() {
        QrDecoder real = new QrDecoder();
        AtomicInteger calls = new AtomicInteger();
        FrameDecoder flaky = frame -> {
            if (calls.incrementAndGet() % 2 == 1) {
                throw new ArrayIndexOutOfBoundsException("decoder bug on frame " + calls.get());
            }
            return real.decode(frame);
        };
        scanner = new CameraScanner(this::counted, flaky, settings(Duration.ofSeconds(5), 3));
        camera.show(CARD);
        scanner.start(recorder);
        await("the scan despite the failing frames", () -> recorder.scans.size() == 1);
        awaitMoreFrames(10);

        assertTrue(calls.get() >= 10);
        assertEquals(List.of(TOKEN), recorder.scans, "failed frames count as absent for fewer than 3 frames");
        assertEquals(State.RUNNING, scanner.status().state());
        assertEquals(0, recorder.count(State.RESTARTING));
    }

    @Test
    void closeStopsTheThreadAndReportsStopped() {
        startOnCamera(3);
        await("running", () -> recorder.count(State.RUNNING) == 1);
        scanner.close();
        assertEquals(State.STOPPED, scanner.status().state());
        assertEquals(State.STOPPED, recorder.statuses.getLast().state());
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("camera-scanner") && t.isAlive()));
        scanner.close(); // idempotent
        assertThrows(IllegalStateException.class, () -> scanner.start(recorder));
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> settings(Duration.ZERO, 3));
        assertThrows(IllegalArgumentException.class, () -> settings(Duration.ofSeconds(1), 0));
        assertThrows(IllegalArgumentException.class,
                () -> new CameraScanner.Settings(Duration.ofSeconds(1), 1, Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
