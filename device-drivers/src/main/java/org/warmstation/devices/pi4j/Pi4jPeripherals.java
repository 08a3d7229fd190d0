package org.warmstation.devices.pi4j;

import com.pi4j.context.Context;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.devices.AmbientSensor;
import org.warmstation.devices.Backlight;
import org.warmstation.devices.Buzzer;
import org.warmstation.devices.DoorRelay;
import org.warmstation.devices.LightColor;
import org.warmstation.devices.MotionSensor;
import org.warmstation.devices.PeripheralRole;
import org.warmstation.devices.PeripheralStatus.Health;
import org.warmstation.devices.StatusLight;
import org.warmstation.devices.peripherals.DebouncedMotionSensor;
import org.warmstation.devices.peripherals.HardwareConfig;
import org.warmstation.devices.peripherals.OutputLine;
import org.warmstation.devices.peripherals.PeripheralStates;
import org.warmstation.devices.peripherals.Peripherals;
import org.warmstation.devices.peripherals.PinBuzzer;
import org.warmstation.devices.peripherals.PinDoorRelay;
import org.warmstation.devices.peripherals.PinStatusLight;
import org.warmstation.devices.peripherals.SysfsBacklight;

/**
 * Opens the configured peripherals on Pi4J. A role that cannot be opened (pin in use, I2C not
 * enabled, no backlight) is left out and reported FAILING in the state model; the terminal goes
 * on without it. Pi4J ids of the pins: {@code light-green}, {@code light-red}, {@code light-amber},
 * {@code buzzer}, {@code door}, {@code motion}, {@code ambient}.
 */
public final class Pi4jPeripherals {
    private static final Logger LOG = LoggerFactory.getLogger(Pi4jPeripherals.class);

    private Pi4jPeripherals() {
    }

    /**
     * Opens the peripherals on the platform of this machine: the Pi's GPIO and I2C when
     * {@code /proc/device-tree/model} names a Raspberry Pi, Pi4J's mock platform otherwise. The
     * Pi4J context belongs to the result; a JVM shutdown hook closes it (door locked, outputs off).
     *
     * @param config the configuration
     * @param clock  station clock in the station's zone
     * @return the peripherals
     */
    public static Peripherals openForHost(HardwareConfig config, Clock clock) {
        Optional<String> pi = Pi4jPlatform.raspberryPi(Pi4jPlatform.DEVICE_TREE_MODEL);
        Context context;
        String platform;
        if (pi.isPresent()) {
            context = Pi4jPlatform.newHardwareContext();
            platform = pi.get();
        } else {
            context = Pi4jPlatform.newMockContext();
            platform = "mock";
        }
        return openOwned(config, context, clock, platform);
    }

    /**
     * Opens the peripherals on a context that then belongs to them, and closes them on JVM
     * shutdown (SIGTERM, {@code systemctl stop}, {@code System.exit}): a pulse in progress ends,
     * the door locks, every output goes off, the context shuts down and releases the lines. The
     * door relay is driven to its locked state before this returns, whatever it was left in.
     * Nothing of this runs when the JVM is killed (SIGKILL): see {@link DoorSafeState}.
     *
     * @param config   the configuration
     * @param context  the Pi4J context, owned by the result from now on
     * @param clock    station clock in the station's zone
     * @param platform for the log, e.g. {@code mock} or the Pi model
     * @return the peripherals
     */
    public static Peripherals openOwned(HardwareConfig config, Context context, Clock clock, String platform) {
        Peripherals p = open(config, context, clock, platform, true);
        Runtime.getRuntime().addShutdownHook(new Thread(p::close, "hw-shutdown"));
        return p;
    }

    /**
     * Opens the peripherals on a given Pi4J context (e.g. a test's mock context).
     *
     * @param config      the configuration
     * @param context     the Pi4J context
     * @param clock       station clock in the station's zone
     * @param platform    for the log, e.g. {@code mock}
     * @param ownsContext whether closing the peripherals shuts the context down
     * @return the peripherals
     */
    public static Peripherals open(HardwareConfig config, Context context, Clock clock, String platform,
                                   boolean ownsContext) {
        return open(config, context, clock, platform, ownsContext, true);
    }

    /**
     * Opens the peripherals on a given Pi4J context, optionally without the background work (the
     * ambient monitor and the screen dimmer), for a hardware test that drives each role itself.
     *
     * @param config      the configuration
     * @param context     the Pi4J context
     * @param clock       station clock in the station's zone
     * @param platform    for the log, e.g. {@code mock}
     * @param ownsContext whether closing the peripherals shuts the context down
     * @param background  whether to start the ambient monitor and the screen dimmer
     * @return the peripherals
     */
    public static Peripherals open(HardwareConfig config, Context context, Clock clock, String platform,
                                   boolean ownsContext, boolean background) {
        PeripheralStates states = new PeripheralStates(config.roles(), clock);
        Optional<StatusLight> light = Optional.empty();
        if (!config.lights().isEmpty()) {
            Map<LightColor, OutputLine> lines = new EnumMap<>(LightColor.class);
            for (var e : config.lights().entrySet()) {
                String id = "light-" + e.getKey().name().toLowerCase(Locale.ROOT);
                opened(PeripheralRole.STATUS_LIGHT, states, () -> Pi4jOutputLine.open(context, id, e.getValue(), false))
                        .ifPresent(line -> lines.put(e.getKey(), line));
            }
            light = lines.isEmpty() ? Optional.empty() : Optional.of(new PinStatusLight(lines, states));
        }
        Optional<Buzzer> buzzer = config.buzzer().flatMap(b -> opened(PeripheralRole.BUZZER, states,
                () -> new PinBuzzer(Pi4jOutputLine.open(context, "buzzer", b.pin(), false), states)));
        Optional<DoorRelay> door = config.door().flatMap(d -> opened(PeripheralRole.DOOR, states,
                () -> new PinDoorRelay(Pi4jOutputLine.open(context, "door", d.pin(), d.mode().energised(false)),
                        d.mode(), states)));
        Optional<MotionSensor> motion = config.motion().flatMap(m -> opened(PeripheralRole.MOTION, states,
                () -> new DebouncedMotionSensor(Pi4jInputLine.open(context, "motion", m.pin(), m.debounce()),
                        m.debounce(), clock, states)));
        Optional<AmbientSensor> ambient = config.ambient().flatMap(a -> opened(PeripheralRole.AMBIENT, states,
                () -> Sht3xSensor.open(context, a.bus(), a.address(), clock)));
        Optional<Backlight> backlight = config.backlight().flatMap(b -> opened(PeripheralRole.BACKLIGHT, states,
                () -> SysfsBacklight.open(b.directory(), SysfsBacklight.SYSFS)));
        List<AutoCloseable> afterwards = new ArrayList<>();
        if (ownsContext) {
            afterwards.add(() -> {
                if (!context.isShutdown()) {
                    context.shutdown();
                }
            });
        }
        return new Peripherals(config, new Peripherals.Roles(light, buzzer, door, motion, ambient, backlight), states,
                clock, platform, afterwards, background);
    }

    @FunctionalInterface
    private interface Opener<T> {
        T open() throws IOException;
    }

    private static <T> Optional<T> opened(PeripheralRole role, PeripheralStates states, Opener<T> opener) {
        try {
            return Optional.of(opener.open());
        } catch (IOException | RuntimeException e) {
            LOG.warn("{} not available: {}", role, e.getMessage());
            states.status(role, Health.FAILING, "not available: " + e.getMessage());
            return Optional.empty();
        }
    }
}
