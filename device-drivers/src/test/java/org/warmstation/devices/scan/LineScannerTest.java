package org.warmstation.devices.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.warmstation.devices.scan.Recorder.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.devices.scan.ScannerStatus.State;

/** A serial QR scanner, played by real child processes and a real FIFO. */
class LineScannerTest {
    private static final Duration BACKOFF = Duration.ofMillis(10);

    @TempDir
    Path dir;

    private final Recorder recorder = new Recorder();
    private LineScanner scanner;
    private Process writer;

    @AfterEach
    void stop() {
        if (scanner != null) {
            scanner.close();
        }
        if (writer != null) {
            writer.descendants().forEach(ProcessHandle::destroyForcibly);
            writer.destroyForcibly();
        }
    }

    private static java.io.InputStream printf(String bytes) throws IOException {
        return new ProcessBuilder("printf", "%s", bytes).start().getInputStream();
    }

    @Test
    void eachLineIsAScanAndEndOfInputReopensTheDevice() {
        AtomicInteger opens = new AtomicInteger();
        scanner = new LineScanner(() -> {
            opens.incrementAndGet();
            return printf("WSM:ONE\r\nhttps://x.example/?a=b&c=<d>\n\n\r\n暖心驿站 \u0007bell\n");
        }, 4096, BACKOFF, Duration.ofMillis(40));
        scanner.start(recorder);
        await("two sessions of scans", () -> recorder.scans.size() >= 6);

        assertEquals(List.of("WSM:ONE", "https://x.example/?a=b&c=<d>", "暖心驿站 \u0007bell"), recorder.scans.subList(0, 3));
        assertEquals(recorder.scans.subList(0, 3), recorder.scans.subList(3, 6));
        assertTrue(opens.get() >= 2);
        assertTrue(recorder.statuses.stream().anyMatch(s -> s.state() == State.RESTARTING
                && s.message().contains("serial scanner input ended")), recorder.statuses.toString());
    }

    @Test
    void deviceThatCannotBeOpenedIsRetriedUntilItWorks() {
        AtomicInteger opens = new AtomicInteger();
        scanner = new LineScanner(() -> {
            if (opens.incrementAndGet() <= 2) {
                return Files.newInputStream(dir.resolve("ttyACM0")); // not plugged in
            }
            return printf("CODE\n");
        }, 4096, BACKOFF, Duration.ofMillis(40));
        scanner.start(recorder);
        await("the scan", () -> !recorder.scans.isEmpty());

        assertEquals("CODE", recorder.scans.getFirst());
        assertEquals(List.of(State.STARTING, State.RESTARTING, State.STARTING, State.RESTARTING, State.STARTING, State.RUNNING),
                recorder.states().subList(0, 6));
        assertTrue(recorder.statuses.get(1).message().contains("cannot open serial scanner"), recorder.statuses.get(1).message());
    }

    @Test
    void overlongLineIsDiscardedAndTheNextLineIsRead() {
        scanner = new LineScanner(() -> printf("short\n" + "x".repeat(40) + "\nafter\n"), 16, BACKOFF, BACKOFF);
        scanner.start(recorder);
        await("two scans", () -> recorder.scans.size() >= 2);
        assertEquals(List.of("short", "after"), recorder.scans.subList(0, 2));
    }

    @Test
    void closeWakesAReadBlockedOnTheDevice() throws IOException, InterruptedException {
        Path fifo = dir.resolve("ttyACM0");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        // the "scanner" sends one code, then stays plugged in and silent
        writer = new ProcessBuilder("sh", "-c", "exec 3>\"$0\"; printf 'HELLO\\n' >&3; exec sleep 60", fifo.toString()).start();
        scanner = new LineScanner(() -> Files.newInputStream(fifo), 4096, BACKOFF, BACKOFF);
        scanner.start(recorder);
        await("the scan", () -> recorder.scans.size() == 1);

        scanner.close();
        assertEquals(State.STOPPED, scanner.status().state());
        assertEquals(List.of("HELLO"), recorder.scans);
        assertEquals(0, recorder.count(State.RESTARTING));
    }
}
