package org.warmstation.provisioning.hardware;

import java.nio.file.Path;
import java.time.Clock;
import org.warmstation.devices.peripherals.HardwareConfig;
import org.warmstation.devices.peripherals.Peripherals;
import org.warmstation.devices.pi4j.Pi4jPeripherals;

/**
 * A kiosk's hardware side in a child JVM: opens the peripherals of a station config as the kiosk
 * does ({@link Pi4jPeripherals#openOwned}, with its shutdown hook) on a {@link RecordedGpio}
 * context, starts one door pulse of the configured length and waits to be killed.
 */
public final class DoorPulseChild {
    private DoorPulseChild() {
    }

    /**
     * @param args station config, record file, tag of this process's events
     * @throws Exception when the config is wrong; the parent then sees no pulse
     */
    public static void main(String[] args) throws Exception {
        HardwareConfig hw = HardwareConfig.parse(HwTestCommand.read(Path.of(args[0])));
        Peripherals p = Pi4jPeripherals.openOwned(hw, RecordedGpio.context(Path.of(args[1]), args[2]),
                Clock.systemDefaultZone(), "mock (recorded)");
        p.roles().door().orElseThrow().pulseAsync(hw.door().orElseThrow().pulse());
        System.out.println("pulse started");
        Thread.sleep(Long.MAX_VALUE);
    }
}
