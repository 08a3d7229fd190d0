package org.warmstation.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FxTaskExecutorTest {
    private final FxTaskExecutor executor = new FxTaskExecutor();

    @BeforeAll
    static void toolkit() {
        FxToolkit.start();
    }

    @AfterEach
    void close() {
        executor.close();
    }

    @Test
    void workRunsOffTheFxThreadAndItsResultArrivesOnIt() throws Exception {
        CompletableFuture<List<Boolean>> threads = new CompletableFuture<>();
        executor.execute(Platform::isFxApplicationThread,
                onFx -> threads.complete(List.of(onFx, Platform.isFxApplicationThread())), threads::completeExceptionally);
        assertEquals(List.of(false, true), threads.get(30, TimeUnit.SECONDS));
    }

    @Test
    void failureArrivesOnTheFxThread() throws Exception {
        CompletableFuture<String> failure = new CompletableFuture<>();
        executor.execute(() -> {
            throw new IllegalStateException("disk full");
        }, r -> failure.complete("succeeded?"), e -> failure.complete(e.getMessage() + " on fx " + Platform.isFxApplicationThread()));
        assertEquals("disk full on fx true", failure.get(30, TimeUnit.SECONDS));
    }

    @Test
    void workRunsInSubmissionOrder() throws Exception {
        List<Integer> done = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> last = new CompletableFuture<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            executor.execute(() -> {
                if (n % 7 == 0) {
                    Thread.sleep(5);
                }
                done.add(n);
                return n;
            }, r -> {
                if (r == 49) {
                    last.complete(null);
                }
            }, last::completeExceptionally);
        }
        last.get(30, TimeUnit.SECONDS);
        assertEquals(java.util.stream.IntStream.range(0, 50).boxed().toList(), done);
    }

    @Test
    void cancelledTimerNeverFiresWhileALaterOneDoes() throws Exception {
        List<String> fired = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> later = new CompletableFuture<>();
        FxToolkit.run(() -> {
            TaskExecutor.Timer t = executor.schedule(Duration.ofMillis(50), () -> fired.add("cancelled"));
            executor.schedule(Duration.ofMillis(300), () -> {
                fired.add("later");
                later.complete(null);
            });
            t.cancel();
        });
        later.get(30, TimeUnit.SECONDS);
        assertEquals(List.of("later"), fired);
    }

    @Test
    void closedExecutorDropsWorkAndTimersWithoutThrowing() {
        executor.close();
        List<String> ran = new CopyOnWriteArrayList<>();
        executor.execute(() -> ran.add("work"), r -> ran.add("result"), e -> ran.add("failure"));
        assertEquals(TaskExecutor.Timer.NONE, executor.schedule(Duration.ZERO, () -> ran.add("timer")));
        FxToolkit.run(() -> { }); // anything queued on the FX thread has run by now
        assertTrue(ran.isEmpty(), ran.toString());
        assertFalse(ran.contains("timer"));
    }
}
