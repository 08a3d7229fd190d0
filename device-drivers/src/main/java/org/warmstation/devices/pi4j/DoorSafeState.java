package org.warmstation.devices.pi4j;

import com.pi4j.context.Context;
import com.pi4j.exception.Pi4JException;
import com.pi4j.io.gpio.digital.DigitalState;
import java.io.IOException;
import java.util.Optional;
import org.warmstation.devices.DoorMode;
import org.warmstation.devices.peripherals.HardwareConfig.DoorConfig;

/**
 * Puts the door relay's GPIO line into its safe state with nothing else of the terminal running:
 * the relay coil de-energised, then the line released. Used by {@code warm-station door-safe}
 * (the kiosk unit's {@code ExecStopPost=}) after the kiosk stopped or was killed mid pulse: with
 * Pi4J 3 on GpioD the line is free again once the process that held it died.
 *
 * <p>De-energised is the state the relay also falls into when the line is released or the Pi has
 * no power, so this is the one state the door can be left in by a process that exits: locked for
 * {@link DoorMode#FAIL_SECURE} (electric strike), open for {@link DoorMode#FAIL_SAFE} (magnetic
 * lock, by design: a stopped terminal lets people out).
 */
public final class DoorSafeState {

    private DoorSafeState() {
    }

    /**
     * What {@link #release} did.
     *
     * @param level    the level the line was left at, {@code HIGH} or {@code LOW}
     * @param platform where: the Raspberry Pi's model, or {@code mock}
     */
    public record Released(String level, String platform) {
    }

    /**
     * {@link #release(Context, DoorConfig, String)} on this machine's platform (the Pi's GpioD when
     * {@code /proc/device-tree/model} names a Raspberry Pi, Pi4J's mock platform otherwise), in a
     * Pi4J context of its own that is shut down before this returns. Blocks for Pi4J's start (about
     * a second on a Pi).
     *
     * @param door      the door's configuration (pin, active level)
     * @param forceMock use the mock platform even on a Raspberry Pi
     * @return the level driven and the platform
     * @throws IOException when Pi4J could not start, or the line could not be claimed or driven
     */
    public static Released releaseOnHost(DoorConfig door, boolean forceMock) throws IOException {
        Optional<String> pi = forceMock ? Optional.empty() : Pi4jPlatform.raspberryPi(Pi4jPlatform.DEVICE_TREE_MODEL);
        Context context;
        try {
            context = pi.isPresent() ? Pi4jPlatform.newHardwareContext() : Pi4jPlatform.newMockContext();
        } catch (RuntimeException e) {
            throw new IOException("Pi4J could not start on " + pi.orElse("this machine") + ": " + e.getMessage(), e);
        }
        try {
            return release(context, door, pi.orElse("mock"));
        } finally {
            if (!context.isShutdown()) {
                context.shutdown();
            }
        }
    }

    /**
     * Claims the door's line (Pi4J id {@code door}) with the coil off as its initial level, drives
     * it off once more, and shuts that output down, which drives the same level again and releases
     * the line. Blocks for a few milliseconds; the context stays usable and belongs to the caller.
     *
     * @param context  the Pi4J context (GpioD on a Pi, mock elsewhere)
     * @param door     the door's configuration (pin, active level)
     * @param platform for the result, e.g. {@code mock} or the Pi's model
     * @return the level the line was left at
     * @throws IOException when the line could not be claimed (held by a running kiosk, no GPIO
     *                     chip, no permission), driven or released
     */
    public static Released release(Context context, DoorConfig door, String platform) throws IOException {
        Pi4jOutputLine line = Pi4jOutputLine.open(context, "door", door.pin(), false);
        line.set(false);
        DigitalState level = line.output().state();
        try {
            context.shutdown(line.output().id());
        } catch (Pi4JException | IllegalStateException e) {
            throw new IOException("BCM " + door.pin().bcm() + " driven " + level + " but not released: "
                    + e.getMessage(), e);
        }
        return new Released(level.name(), platform);
    }

    /**
     * @param door the door's configuration
     * @return the pin level at which the relay coil is off (low for an active-high module, high
     *         for an active-low one)
     */
    public static DigitalState deEnergisedLevel(DoorConfig door) {
        return Pi4jOutputLine.level(door.pin(), false);
    }
}
