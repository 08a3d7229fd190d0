package org.warmstation.kiosk.app;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.devices.peripherals.HardwareConfig;
import org.warmstation.devices.peripherals.HardwareConfigException;
import org.warmstation.devices.peripherals.Peripherals;
import org.warmstation.devices.pi4j.Pi4jPeripherals;
import org.warmstation.devices.pi4j.Pi4jPlatform;
import org.warmstation.kiosk.ui.PeripheralsViewModel;
import org.warmstation.kiosk.ui.TaskExecutor;

/**
 * The station's peripherals as its config describes them (the {@code hardware.*} keys, see
 * docs/hardware.md), opened so that the kiosk always starts: wrong keys are logged and shown on
 * the staff screen, and the kiosk carries on with {@link HardwareConfig#NONE}; should even that
 * fail to open (Pi4J cannot start), the kiosk runs on an empty mock platform. Roles that are not
 * configured, or cannot be opened, are absent and everything works without them.
 *
 * @param peripherals   the opened peripherals (possibly none at all); the kiosk closes them on exit
 * @param configProblem why the {@code hardware.*} keys were ignored, or empty when they were used
 */
public record StationHardware(Peripherals peripherals, Optional<String> configProblem) {
    private static final Logger LOG = LoggerFactory.getLogger(StationHardware.class);

    public StationHardware {
        Objects.requireNonNull(peripherals, "peripherals");
        Objects.requireNonNull(configProblem, "configProblem");
    }

    /**
     * Opens the peripherals on this machine's platform (the Pi's GPIO and I2C on a Raspberry Pi,
     * Pi4J's mock platform elsewhere). Blocks briefly while the pins are claimed.
     *
     * @param keys  the station config's {@code hardware.*} keys
     * @param clock station clock in the station's zone
     * @return the peripherals; never throws for a wrong config or missing hardware
     */
    public static StationHardware forHost(Map<String, String> keys, Clock clock) {
        return open(keys, clock, config -> Pi4jPeripherals.openForHost(config, clock));
    }

    /**
     * Opens the peripherals with a given opener (e.g. on a test's mock context). Blocks briefly.
     *
     * @param keys   the station config's {@code hardware.*} keys
     * @param clock  station clock in the station's zone, for the fallback
     * @param opener opens a parsed configuration; may throw a RuntimeException
     * @return the peripherals; never throws for a wrong config or an opener that fails
     */
    public static StationHardware open(Map<String, String> keys, Clock clock,
                                       Function<HardwareConfig, Peripherals> opener) {
        HardwareConfig config;
        Optional<String> problem = Optional.empty();
        try {
            config = HardwareConfig.parse(keys);
        } catch (HardwareConfigException e) {
            LOG.error("the hardware.* settings are wrong, the kiosk runs without peripherals: {}", e.getMessage());
            config = HardwareConfig.NONE;
            problem = Optional.of(e.getMessage());
        }
        try {
            return new StationHardware(opener.apply(config), problem);
        } catch (RuntimeException e) {
            LOG.error("the peripherals could not be opened, the kiosk runs without them", e);
            Peripherals none = Pi4jPeripherals.open(HardwareConfig.NONE, Pi4jPlatform.newMockContext(), clock,
                    "none", true);
            return new StationHardware(none, Optional.of(problem.map(p -> p + "; ").orElse("")
                    + "the peripherals could not be opened: " + e.getMessage()));
        }
    }

    /** @return what the screen does to these peripherals: report touches, mute the buzzer */
    public PeripheralsViewModel.Controls controls() {
        return new PeripheralsViewModel.Controls() {
            @Override
            public void userActivity() {
                peripherals.userActivity();
            }

            @Override
            public void setMuted(boolean muted) {
                peripherals.feedback().setMuted(muted);
            }
        };
    }

    /**
     * @param executor hands peripheral changes to the UI thread
     * @return the screen's model of these peripherals (close it with the screen)
     */
    public PeripheralsViewModel viewModel(TaskExecutor executor) {
        return new PeripheralsViewModel(peripherals.states(), controls(), executor, configProblem);
    }
}
