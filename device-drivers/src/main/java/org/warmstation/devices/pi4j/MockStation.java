package org.warmstation.devices.pi4j;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.i2c.I2C;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.devices.peripherals.HardwareConfig;
import org.warmstation.devices.peripherals.HardwareConfigException;
import org.warmstation.devices.peripherals.Peripherals;

/**
 * A complete set of station peripherals on Pi4J's mock platform, for the kiosk's demo mode: the
 * wiring of docs/hardware.md (no backlight), with a simulated person walking past the PIR sensor
 * and a simulated SHT3x answering on the mock I2C bus, so the real drivers, the feedback and the
 * state model all run. Nothing here touches real hardware.
 */
public final class MockStation implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MockStation.class);

    /** The demo's hardware keys: the example wiring of docs/hardware.md. */
    public static final Map<String, String> DEMO_KEYS = Map.ofEntries(
            Map.entry("hardware.light.green.pin", "17"), Map.entry("hardware.light.red.pin", "27"),
            Map.entry("hardware.light.amber.pin", "22"), Map.entry("hardware.buzzer.pin", "18"),
            Map.entry("hardware.door.pin", "23"), Map.entry("hardware.door.activeLow", "true"),
            Map.entry("hardware.door.pulse", "PT3S"), Map.entry("hardware.motion.pin", "24"),
            Map.entry("hardware.motion.debounce", "PT0.2S"), Map.entry("hardware.ambient.bus", "1"),
            Map.entry("hardware.ambient.address", "0x44"), Map.entry("hardware.ambient.lowAlert", "10"),
            Map.entry("hardware.ambient.interval", "PT2S"));

    private final Context context;
    private final Peripherals peripherals;
    private final ScheduledExecutorService sim;
    private volatile double celsius = 18.5;
    private volatile double humidity = 45;

    private MockStation(Context context, Peripherals peripherals) {
        this.context = context;
        this.peripherals = peripherals;
        this.sim = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hw-demo-sim");
            t.setDaemon(true);
            return t;
        });
        answer();
        sim.scheduleWithFixedDelay(this::answer, 250, 250, TimeUnit.MILLISECONDS);
    }

    /**
     * Opens the demo peripherals on a fresh mock context (owned by the result).
     *
     * @param clock station clock in the station's zone
     * @return the demo station
     */
    public static MockStation open(Clock clock) {
        HardwareConfig config;
        try {
            config = HardwareConfig.parse(DEMO_KEYS);
        } catch (HardwareConfigException e) {
            throw new IllegalStateException("demo hardware keys are wrong: " + e.getMessage(), e);
        }
        Context context = Pi4jPlatform.newMockContext();
        return new MockStation(context, Pi4jPeripherals.open(config, context, clock, "mock (demo)", true));
    }

    /** @return the peripherals: feedback, states, roles */
    public Peripherals peripherals() {
        return peripherals;
    }

    /**
     * @return the mock Pi4J context the peripherals run on (pin ids as in {@link Pi4jPeripherals}),
     *         e.g. for a test to listen to the mock pins; owned by this station
     */
    public Context context() {
        return context;
    }

    /** Someone walks past the PIR sensor: its output is active for 1.5 s. Returns at once. */
    public void motion() {
        MockDigitalInput pir = context.io("motion");
        sim.execute(() -> pir.mockState(DigitalState.HIGH));
        sim.schedule(() -> pir.mockState(DigitalState.LOW), 1500, TimeUnit.MILLISECONDS);
    }

    /**
     * @param celsius  the room temperature the simulated sensor reports from now on, -40 to 85 °C
     * @param humidity the relative humidity it reports, 0 to 100 %
     */
    public void room(double celsius, double humidity) {
        this.celsius = Math.max(-40, Math.min(85, celsius));
        this.humidity = Math.max(0, Math.min(100, humidity));
    }

    /** @return the temperature the simulated sensor reports */
    public double roomCelsius() {
        return celsius;
    }

    /** Keeps one fresh SHT3x answer queued on the mock bus (and drops the driver's old commands). */
    private void answer() {
        try {
            I2C bus = context.io("ambient");
            int t = (int) Math.round((celsius + 45) / 175 * 65535);
            int h = (int) Math.round(humidity / 100 * 65535);
            byte[] tw = {(byte) (t >> 8), (byte) t};
            byte[] hw = {(byte) (h >> 8), (byte) h};
            byte[] data = {tw[0], tw[1], (byte) Sht3xSensor.crc8(tw, 0), hw[0], hw[1], (byte) Sht3xSensor.crc8(hw, 0)};
            bus.execute(() -> {
                byte[] old = new byte[64];
                while (bus.read(old, 0, old.length) > 0) {
                    // drain
                }
                return bus.write(data);
            });
        } catch (RuntimeException e) {
            LOG.debug("demo sensor: {}", e.getMessage());
        }
    }

    /** Closes the peripherals and the mock context. */
    @Override
    public void close() {
        sim.shutdownNow();
        peripherals.close();
    }
}
