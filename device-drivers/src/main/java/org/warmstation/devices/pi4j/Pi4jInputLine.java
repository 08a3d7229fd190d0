package org.warmstation.devices.pi4j;

import com.pi4j.context.Context;
import com.pi4j.exception.Pi4JException;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.DigitalStateChangeListener;
import com.pi4j.io.gpio.digital.PullResistance;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.warmstation.devices.peripherals.HardwareConfig.Pin;
import org.warmstation.devices.peripherals.InputLine;

/**
 * A Pi4J digital input as an {@link InputLine}. The pull resistor holds the line inactive when
 * nothing drives it (pull-down when active-high, pull-up when active-low), so an unplugged sensor
 * never reports motion.
 */
public final class Pi4jInputLine implements InputLine {
    private final Context context;
    private final DigitalInput input;
    private final Pin pin;
    private DigitalStateChangeListener listener;

    private Pi4jInputLine(Context context, DigitalInput input, Pin pin) {
        this.context = context;
        this.input = input;
        this.pin = pin;
    }

    /**
     * @param context  the Pi4J context
     * @param id       the Pi4J id, e.g. {@code motion}
     * @param pin      BCM number and active level
     * @param debounce the provider's debounce (kernel filter with GpioD; the mock ignores it)
     * @return the line
     * @throws IOException when the pin could not be claimed
     */
    public static Pi4jInputLine open(Context context, String id, Pin pin, Duration debounce) throws IOException {
        try {
            DigitalInput in = context.create(DigitalInput.newConfigBuilder(context)
                    .id(id).name(id + " (BCM " + pin.bcm() + ")").address(pin.bcm())
                    .pull(pin.activeLow() ? PullResistance.PULL_UP : PullResistance.PULL_DOWN)
                    .debounce(debounce.toNanos() / 1000, TimeUnit.MICROSECONDS));
            return new Pi4jInputLine(context, in, pin);
        } catch (Pi4JException | IllegalStateException e) {
            throw new IOException("could not open BCM " + pin.bcm() + " for " + id + ": " + e.getMessage(), e);
        }
    }

    private boolean active(DigitalState state) {
        return (state == DigitalState.HIGH) != pin.activeLow();
    }

    @Override
    public boolean active() throws IOException {
        try {
            return active(input.state());
        } catch (Pi4JException e) {
            throw new IOException("BCM " + pin.bcm() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void onChange(Consumer<Boolean> consumer) {
        if (listener != null) {
            input.removeListener(listener);
        }
        listener = event -> consumer.accept(active(event.state()));
        input.addListener(listener);
    }

    @Override
    public synchronized void close() {
        if (listener != null) {
            input.removeListener(listener);
            listener = null;
        }
        if (!context.isShutdown()) {
            try {
                context.shutdown(input);
            } catch (Pi4JException e) {
                // already released
            }
        }
    }
}
