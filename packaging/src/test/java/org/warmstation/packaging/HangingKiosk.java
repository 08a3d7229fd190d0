package org.warmstation.packaging;

import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;

/**
 * A stand-in kiosk for the watchdog test, run in a child JVM with the agent: starts the JavaFX
 * toolkit (headless), runs normally for {@code args[0]} milliseconds, then blocks its JavaFX
 * thread for good, printing {@code HUNG} as it does.
 */
public final class HangingKiosk {
    private HangingKiosk() {
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        System.out.println("STARTED");
        Thread.sleep(Long.parseLong(args[0]));
        Platform.runLater(() -> {
            System.out.println("HUNG");
            System.out.flush();
            while (true) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        Thread.sleep(Long.parseLong(args[1]));
    }
}
