package org.warmstation.devices.pi4j;

import com.pi4j.context.Context;
import com.pi4j.exception.Pi4JException;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import java.io.IOException;
import org.warmstation.devices.peripherals.HardwareConfig.Pin;
import org.warmstation.devices.peripherals.OutputLine;

/**
 * A Pi4J digital output as an {@link OutputLine}, with the pin's active level applied. On Pi4J
 * shutdown (also its JVM shutdown hook) the pin goes to its off level.
 */
public final class Pi4jOutputLine implements OutputLine {
    private final DigitalOutput output;
    private final Pin pin;

    private Pi4jOutputLine(DigitalOutput output, Pin pin) {
        this.output = output;
        this.pin = pin;
    }

    /**
     * Claims the pin and drives it to its initial level at once.
     *
     * @param context   the Pi4J context (GpioD on a Pi, mock elsewhere)
     * @param id        the Pi4J id, e.g. {@code door} (tests find the output by it)
     * @param pin       BCM number and active level
     * @param initialOn whether the device starts on
     * @return the line
     * @throws IOException when the pin could not be claimed (in use, no GPIO chip)
     */
    public static Pi4jOutputLine open(Context context, String id, Pin pin, boolean initialOn) throws IOException {
        try {
            DigitalOutput out = context.create(DigitalOutput.newConfigBuilder(context)
                    .id(id).name(id + " (BCM " + pin.bcm() + ")").address(pin.bcm())
                    .initial(level(pin, initialOn)).shutdown(level(pin, false)));
            return new Pi4jOutputLine(out, pin);
        } catch (Pi4JException | IllegalStateException e) {
            throw new IOException("could not open BCM " + pin.bcm() + " for " + id + ": " + e.getMessage(), e);
        }
    }

    static DigitalState level(Pin pin, boolean on) {
        return on != pin.activeLow() ? DigitalState.HIGH : DigitalState.LOW;
    }

    @Override
    public void set(boolean on) throws IOException {
        try {
            output.state(level(pin, on));
        } catch (Pi4JException | IllegalStateException e) {
            throw new IOException("BCM " + pin.bcm() + ": " + e.getMessage(), e);
        }
    }

    /** @return the Pi4J output */
    public DigitalOutput output() {
        return output;
    }
}
