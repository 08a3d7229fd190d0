package org.warmstation.devices.pi4j;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.DigitalStateChangeListener;
import com.pi4j.io.i2c.I2C;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.warmstation.devices.PinProbe;
import org.warmstation.devices.peripherals.HardwareConfig;
import org.warmstation.devices.peripherals.Peripherals;

/**
 * The platform a hardware test ({@code ./station hw-test}) runs on: real GPIO and I2C on a
 * Raspberry Pi, Pi4J's mock platform elsewhere or when asked; its peripherals without background
 * work, and a {@link PinProbe} on the same Pi4J context. Closing it shuts the context down.
 */
public final class Pi4jHardwareBench implements AutoCloseable {
    private final Context context;
    private final Optional<String> pi;

    private Pi4jHardwareBench(Context context, Optional<String> pi) {
        this.context = context;
        this.pi = pi;
    }

    /**
     * Opens the platform. Blocks while Pi4J starts (well under a second).
     *
     * @param forceMock whether to use the mock platform even on a Pi
     * @return the bench
     * @throws IllegalStateException when Pi4J cannot start on this machine (the message says why)
     */
    public static Pi4jHardwareBench open(boolean forceMock) {
        Optional<String> pi = forceMock ? Optional.empty() : Pi4jPlatform.raspberryPi(Pi4jPlatform.DEVICE_TREE_MODEL);
        try {
            return new Pi4jHardwareBench(pi.isPresent() ? Pi4jPlatform.newHardwareContext() : Pi4jPlatform.newMockContext(), pi);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Pi4J could not start on " + pi.orElse("this machine") + ": " + e.getMessage(), e);
        }
    }

    /** @return the Raspberry Pi's model name, or empty on the mock platform */
    public Optional<String> raspberryPi() {
        return pi;
    }

    /**
     * Opens the configured peripherals on this platform without background work (no ambient
     * monitor, no dimmer): the test drives each role itself. Closing them leaves the platform open.
     *
     * @param config the hardware configuration
     * @param clock  the station clock
     * @return the peripherals; roles that failed to open are absent, with their status saying why
     */
    public Peripherals peripherals(HardwareConfig config, Clock clock) {
        return Pi4jPeripherals.open(config, context, clock, pi.orElse("mock"), false, false);
    }

    /** @return the probe on this platform's pins */
    public PinProbe probe() {
        return new Probe();
    }

    @Override
    public void close() {
        context.shutdown();
    }

    private final class Probe implements PinProbe {
        @Override
        public int changesDuring(String pinId, RoleAction action) throws IOException, InterruptedException {
            if (!context.registry().exists(pinId)) {
                throw new IllegalArgumentException("no output pin '" + pinId + "'");
            }
            DigitalOutput pin = context.io(pinId);
            AtomicInteger n = new AtomicInteger();
            DigitalStateChangeListener l = e -> n.incrementAndGet();
            pin.addListener(l);
            try {
                action.run();
            } finally {
                pin.removeListener(l);
            }
            return n.get();
        }

        @Override
        public boolean simulated() {
            return pi.isEmpty();
        }

        @Override
        public void simulateMotion(boolean activeLow) {
            requireSimulated();
            MockDigitalInput pir = context.io("motion");
            pir.mockState(activeLow ? DigitalState.HIGH : DigitalState.LOW);
            pir.mockState(activeLow ? DigitalState.LOW : DigitalState.HIGH);
        }

        @Override
        public void simulateAmbientAnswer() {
            requireSimulated();
            I2C bus = context.io("ambient");
            // an SHT3x answer: 0x6666 = 25.0 °C, 0x8000 = 50.0 %RH, each with its CRC-8
            bus.execute(() -> bus.write(new byte[]{0x66, 0x66, (byte) 0x93, (byte) 0x80, 0x00, (byte) 0xA2}));
        }

        private void requireSimulated() {
            if (pi.isPresent()) {
                throw new IllegalStateException("inputs are simulated only on the mock platform, not on " + pi.get());
            }
        }
    }
}
