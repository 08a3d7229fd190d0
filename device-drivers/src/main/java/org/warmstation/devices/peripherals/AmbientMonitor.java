package org.warmstation.devices.peripherals;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.devices.AmbientReading;
import org.warmstation.devices.AmbientSensor;
import org.warmstation.devices.PeripheralRole;
import org.warmstation.devices.PeripheralStatus.Health;

/**
 * Reads the ambient sensor on a thread of its own, every interval. A failed reading (I2C error,
 * sensor unplugged, bad checksum) marks the sensor FAILING in the peripheral states and is retried
 * after {@code firstRetry}, doubling up to the interval; the first good reading makes it OK again.
 * The low-temperature alert turns on below the alert temperature and off 0.5 °C above it.
 */
public final class AmbientMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AmbientMonitor.class);
    /** Hysteresis of the low-temperature alert, in kelvin. */
    public static final double HYSTERESIS = 0.5;

    private final AmbientSensor sensor;
    private final Duration interval;
    private final Duration firstRetry;
    private final Optional<Double> lowAlert;
    private final PeripheralStates states;
    private final ScheduledExecutorService worker;
    private volatile Optional<Double> districtAlert = Optional.empty();
    private int failures;
    private boolean low;

    /**
     * @param sensor     the sensor
     * @param interval   time between good readings
     * @param firstRetry time before the first retry after a failure
     * @param lowAlert   alert temperature in °C, if any
     * @param states     receives readings, the alert and the sensor's health
     */
    public AmbientMonitor(AmbientSensor sensor, Duration interval, Duration firstRetry, Optional<Double> lowAlert,
                          PeripheralStates states) {
        this.sensor = sensor;
        this.interval = interval;
        this.firstRetry = firstRetry;
        this.lowAlert = lowAlert;
        this.states = states;
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hw-ambient");
            t.setDaemon(true);
            return t;
        });
    }

    /** Takes the first reading at once (on the monitor's thread), then keeps reading; returns at once. */
    public void start() {
        start(Duration.ZERO);
    }

    /**
     * Takes the first reading after {@code delay} (on the monitor's thread), then keeps reading;
     * returns at once.
     *
     * @param delay time before the first reading (e.g. for the sensor to power up)
     */
    public void start(Duration delay) {
        schedule(delay);
    }

    private void schedule(Duration delay) {
        try {
            worker.schedule(this::poll, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("ambient monitor closed");
        }
    }

    private void poll() {
        AmbientReading reading;
        try {
            reading = sensor.read();
        } catch (IOException | RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return; // closing
            }
            failures++;
            Duration retry = firstRetry.multipliedBy(1L << Math.min(failures - 1, 20));
            if (retry.compareTo(interval) > 0) {
                retry = interval;
            }
            states.status(PeripheralRole.AMBIENT, Health.FAILING, e.getMessage() + " (failed " + failures
                    + " time" + (failures == 1 ? "" : "s") + ", retrying in " + retry.toMillis() + " ms)");
            schedule(retry);
            return;
        }
        failures = 0;
        districtAlert.or(() -> lowAlert).ifPresent(limit -> {
            boolean nowLow = low ? reading.celsius() < limit + HYSTERESIS : reading.celsius() < limit;
            if (nowLow != low) {
                if (nowLow) {
                    LOG.warn("room is cold: {} °C, below the alert temperature {} °C", reading.celsius(), limit);
                } else {
                    LOG.info("room warm again: {} °C", reading.celsius());
                }
            }
            low = nowLow;
        });
        states.status(PeripheralRole.AMBIENT, Health.OK, "");
        states.ambient(reading, low);
        schedule(interval);
    }

    /**
     * Replaces the configured alert temperature from the next reading on (the district's station
     * settings). Returns at once; any thread.
     *
     * @param celsius the alert temperature in °C, or empty to go back to the configured one
     */
    public void alertTemperature(Optional<Double> celsius) {
        districtAlert = java.util.Objects.requireNonNull(celsius, "celsius");
    }

    /** Stops reading; blocks until a reading in progress has ended. */
    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
