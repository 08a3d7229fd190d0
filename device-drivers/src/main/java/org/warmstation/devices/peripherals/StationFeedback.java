package org.warmstation.devices.peripherals;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.devices.Buzzer;
import org.warmstation.devices.DoorRelay;
import org.warmstation.devices.StatusLight;
import org.warmstation.devices.peripherals.HardwareConfig.BuzzerConfig;
import org.warmstation.devices.peripherals.HardwareConfig.DoorConfig;

/**
 * Shows check-in outcomes on the station's light, buzzer and door. Every method returns at once:
 * the work runs on the feedback's own thread and on each output's thread, so the UI and scan
 * threads never wait for hardware. Missing roles are skipped. The buzzer stays silent while muted
 * and during night hours; the door opens only within opening hours (both by the station clock).
 */
public final class StationFeedback implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StationFeedback.class);

    private final Optional<StatusLight> light;
    private final Optional<Buzzer> buzzer;
    private final Optional<BuzzerConfig> buzzerConfig;
    private final Optional<DoorRelay> door;
    private final Optional<DoorConfig> doorConfig;
    private final PeripheralStates states;
    private final Clock clock;
    private final ExecutorService worker;
    private volatile boolean muted;

    /**
     * @param light        the status light, if any
     * @param buzzer       the buzzer and its settings, if any
     * @param buzzerConfig night hours and initial mute
     * @param door         the door relay, if any
     * @param doorConfig   pulse length, opening hours
     * @param states       receives the mute state
     * @param clock        station clock in the station's zone, for night and opening hours
     */
    public StationFeedback(Optional<StatusLight> light, Optional<Buzzer> buzzer, Optional<BuzzerConfig> buzzerConfig,
                           Optional<DoorRelay> door, Optional<DoorConfig> doorConfig, PeripheralStates states,
                           Clock clock) {
        this.light = light;
        this.buzzer = buzzer;
        this.buzzerConfig = buzzerConfig;
        this.door = door;
        this.doorConfig = doorConfig;
        this.states = states;
        this.clock = clock;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "hw-feedback");
            t.setDaemon(true);
            return t;
        });
        setMuted(buzzerConfig.map(BuzzerConfig::muted).orElse(false));
    }

    /** A new visit: green, short beep, door pulse. @return completes when all outputs have finished */
    public CompletableFuture<Void> accepted() {
        return show(CheckInOutcome.ACCEPTED);
    }

    /** The card was rejected: red, long beep. @return completes when all outputs have finished */
    public CompletableFuture<Void> rejected() {
        return show(CheckInOutcome.REJECTED);
    }

    /** Already checked in: amber, two beeps. @return completes when all outputs have finished */
    public CompletableFuture<Void> alreadyCheckedIn() {
        return show(CheckInOutcome.ALREADY_CHECKED_IN);
    }

    /** Offline / not recorded: amber flashes, three beeps. @return completes when all outputs have finished */
    public CompletableFuture<Void> offline() {
        return show(CheckInOutcome.OFFLINE);
    }

    /**
     * Shows an outcome; returns at once (never blocks, never throws for hardware trouble: failing
     * outputs are reported in the peripheral states).
     *
     * @param outcome the outcome
     * @return completes when every output has finished its pattern (cancelled when a later outcome
     *         cut it short; exceptionally when an output failed); callers may ignore it
     */
    public CompletableFuture<Void> show(CheckInOutcome outcome) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            worker.execute(() -> {
                List<CompletableFuture<Void>> parts = new ArrayList<>();
                light.ifPresent(l -> parts.add(l.showAsync(FeedbackPatterns.color(outcome), FeedbackPatterns.light(outcome))));
                if (audible()) {
                    buzzer.ifPresent(b -> parts.add(b.playAsync(FeedbackPatterns.buzzer(outcome))));
                }
                if (door.isPresent() && doorConfig.isPresent() && opens(outcome, doorConfig.get())) {
                    parts.add(door.get().pulseAsync(doorConfig.get().pulse()));
                }
                CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).whenComplete((v, e) -> {
                    if (e == null) {
                        done.complete(null);
                    } else {
                        done.completeExceptionally(e);
                    }
                });
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("feedback closed; {} not shown", outcome);
            done.cancel(false);
        }
        return done;
    }

    private boolean opens(CheckInOutcome outcome, DoorConfig config) {
        boolean wants = outcome == CheckInOutcome.ACCEPTED
                || (outcome == CheckInOutcome.ALREADY_CHECKED_IN && config.openOnDuplicate());
        if (wants && !config.openingHours().containsNow(clock)) {
            LOG.info("door stays shut: outside opening hours {}", config.openingHours());
            return false;
        }
        return wants;
    }

    /** @return whether the buzzer would sound now: not muted and not in night hours */
    public boolean audible() {
        return !muted && buzzerConfig.flatMap(BuzzerConfig::nightHours).map(w -> !w.containsNow(clock)).orElse(true);
    }

    /** @param muted whether staff muted the buzzer */
    public void setMuted(boolean muted) {
        this.muted = muted;
        states.muted(muted);
    }

    /** @return whether staff muted the buzzer */
    public boolean muted() {
        return muted;
    }

    /** Stops taking outcomes; waits briefly for the one being dispatched. */
    @Override
    public void close() {
        worker.shutdown();
        try {
            worker.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
