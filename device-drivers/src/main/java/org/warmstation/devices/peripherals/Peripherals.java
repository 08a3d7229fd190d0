package org.warmstation.devices.peripherals;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.devices.AmbientSensor;
import org.warmstation.devices.Backlight;
import org.warmstation.devices.Buzzer;
import org.warmstation.devices.DoorRelay;
import org.warmstation.devices.MotionSensor;
import org.warmstation.devices.StatusLight;

/**
 * The station's peripherals, each present only when configured (and opened without error), with
 * the station feedback, the live state model, the ambient monitor and the screen dimmer wired
 * up. Motion wakes the screen. Build one with
 * {@code org.warmstation.devices.pi4j.Pi4jPeripherals}; close it on exit (outputs go off, the
 * door locks). Thread-safe; no method blocks for hardware except {@link #close()}.
 */
public final class Peripherals implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Peripherals.class);
    /** Time before the first retry of a failed ambient reading. */
    public static final Duration AMBIENT_FIRST_RETRY = Duration.ofSeconds(2);
    /** Time from opening to the first ambient reading. */
    public static final Duration AMBIENT_FIRST_READING = Duration.ofMillis(500);

    /**
     * The opened roles.
     *
     * @param light     status light
     * @param buzzer    buzzer
     * @param door      door relay
     * @param motion    PIR sensor
     * @param ambient   temperature/humidity sensor
     * @param backlight display backlight
     */
    public record Roles(Optional<StatusLight> light, Optional<Buzzer> buzzer, Optional<DoorRelay> door,
                        Optional<MotionSensor> motion, Optional<AmbientSensor> ambient,
                        Optional<Backlight> backlight) {
        public Roles {
            Objects.requireNonNull(light);
            Objects.requireNonNull(buzzer);
            Objects.requireNonNull(door);
            Objects.requireNonNull(motion);
            Objects.requireNonNull(ambient);
            Objects.requireNonNull(backlight);
        }
    }

    private final HardwareConfig config;
    private final Roles roles;
    private final PeripheralStates states;
    private final StationFeedback feedback;
    private final Optional<AmbientMonitor> ambientMonitor;
    private final Optional<ScreenDimmer> dimmer;
    private final String platform;
    private final List<AutoCloseable> afterwards;
    private boolean closed;

    /**
     * Wires the roles and starts the ambient monitor and the screen dimmer.
     *
     * @param config     the configuration the roles were opened from
     * @param roles      the opened roles
     * @param states     the state model the roles report into
     * @param clock      station clock in the station's zone
     * @param platform   what runs the pins, for the log and hw-test, e.g. {@code mock} or the Pi model
     * @param afterwards closed last, in order (e.g. the Pi4J context)
     * @param background whether to start the ambient monitor and the screen dimmer (false for a
     *                   hardware test that drives the roles itself)
     */
    public Peripherals(HardwareConfig config, Roles roles, PeripheralStates states, Clock clock, String platform,
                       List<AutoCloseable> afterwards, boolean background) {
        this.config = config;
        this.roles = roles;
        this.states = states;
        this.platform = platform;
        this.afterwards = List.copyOf(afterwards);
        this.feedback = new StationFeedback(roles.light(), roles.buzzer(), config.buzzer(), roles.door(), config.door(),
                states, clock);
        this.ambientMonitor = roles.ambient().filter(a -> background).map(sensor -> new AmbientMonitor(sensor,
                config.ambient().orElseThrow().interval(), AMBIENT_FIRST_RETRY,
                config.ambient().orElseThrow().lowAlertCelsius(), states));
        this.dimmer = roles.backlight().filter(b -> background).map(b -> new ScreenDimmer(b, config.backlight().orElseThrow().idle(),
                config.backlight().orElseThrow().dimPercent(), states));
        roles.motion().ifPresent(m -> m.addListener(at -> userActivity()));
        ambientMonitor.ifPresent(m -> m.start(AMBIENT_FIRST_READING));
        LOG.info("peripherals on {}: {}", platform, states.snapshot().present());
    }

    /** @return the station feedback (light, buzzer, door for check-in outcomes) */
    public StationFeedback feedback() {
        return feedback;
    }

    /** @return the live state model */
    public PeripheralStates states() {
        return states;
    }

    /** @return the configuration */
    public HardwareConfig config() {
        return config;
    }

    /** @return the opened roles */
    public Roles roles() {
        return roles;
    }

    /** @return what runs the pins: {@code mock}, or the Raspberry Pi model */
    public String platform() {
        return platform;
    }

    /**
     * The district's cold-alert temperature, replacing the configured one from the next room
     * reading on; nothing without an ambient sensor. Returns at once; any thread.
     *
     * @param celsius alert temperature in °C, or empty for the configured one
     */
    public void coldAlert(Optional<Double> celsius) {
        ambientMonitor.ifPresent(m -> m.alertTemperature(celsius));
    }

    /** Touch or other activity on the screen: wakes a dimmed screen, restarts the idle time. Returns at once. */
    public void userActivity() {
        dimmer.ifPresent(ScreenDimmer::activity);
    }

    /** Switches every output off (door locked), stops the monitors, then releases the pins. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        List<AutoCloseable> all = new ArrayList<>();
        all.add(feedback);
        ambientMonitor.ifPresent(all::add);
        dimmer.ifPresent(all::add);
        roles.door().ifPresent(all::add);
        roles.light().ifPresent(all::add);
        roles.buzzer().ifPresent(all::add);
        roles.motion().ifPresent(all::add);
        roles.ambient().ifPresent(all::add);
        all.addAll(afterwards);
        for (AutoCloseable c : all) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", c.getClass().getSimpleName(), e.getMessage());
            }
        }
    }
}
