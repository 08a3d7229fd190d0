package org.warmstation.provisioning.hardware;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.warmstation.devices.DoorMode;
import org.warmstation.devices.peripherals.HardwareConfig;
import org.warmstation.devices.peripherals.HardwareConfig.DoorConfig;
import org.warmstation.devices.peripherals.HardwareConfigException;
import org.warmstation.devices.pi4j.DoorSafeState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code station door-safe}: drives the door relay's line to its de-energised level and releases
 * it, starting nothing else (no kiosk, no other pin). The kiosk's systemd unit runs it as
 * {@code ExecStopPost=}, so a kiosk killed mid pulse (SIGKILL, watchdog, crash) does not leave a
 * fail-secure door open until the next start. Exit code 0 when the line was driven, or there is
 * nothing to drive (no config yet, no door configured); 1 when the line could not be claimed or
 * driven; 2 when the configuration is unreadable or wrong.
 */
@Command(name = "door-safe", mixinStandardHelpOptions = true,
        description = {"Drive the door relay off and release its GPIO line (FAIL_SECURE: door locked),",
                "with nothing else started; the kiosk unit runs it after every stop (ExecStopPost)."})
public final class DoorSafeCommand implements Callable<Integer> {
    /** Exit code when the line could not be claimed or driven. */
    public static final int EXIT_FAILED = 1;
    /** Exit code for an unreadable or wrong configuration. */
    public static final int EXIT_CONFIG = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "station config to read the hardware.door.* keys from (default: $STATION_CONFIG or "
                    + "/etc/warm-station/station.properties)")
    Path config;

    @Option(names = "--mock", description = "use Pi4J's mock platform even on a Raspberry Pi")
    boolean mock;

    /** Drives and releases the door's line; tests swap it for a recording mock platform. */
    Releaser releaser = DoorSafeState::releaseOnHost;

    /** How the line is driven: {@link DoorSafeState#releaseOnHost}, or a test's. */
    @FunctionalInterface
    interface Releaser {
        DoorSafeState.Released release(DoorConfig door, boolean forceMock) throws IOException;
    }

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Path file = config != null ? config
                : Optional.ofNullable(System.getenv("STATION_CONFIG")).map(Path::of).orElse(HwTestCommand.DEFAULT_CONFIG);
        Optional<DoorConfig> door;
        try {
            door = HardwareConfig.parse(HwTestCommand.read(file)).door();
        } catch (NoSuchFileException e) {
            out.println("door-safe: no station config at " + file + " (not set up yet): no door relay to drive");
            return 0;
        } catch (IOException e) {
            err.println("door-safe: cannot read " + file + ": " + e.getMessage());
            return EXIT_CONFIG;
        } catch (HardwareConfigException e) {
            err.println("door-safe: " + file + " has wrong hardware keys:");
            e.problems().forEach(p -> err.println("  " + p));
            return EXIT_CONFIG;
        }
        if (door.isEmpty()) {
            out.println("door-safe: " + file + " configures no door relay; nothing to do");
            return 0;
        }
        DoorConfig d = door.get();
        try {
            DoorSafeState.Released done = releaser.release(d, mock);
            out.printf("door-safe: BCM %d driven %s (relay off) and released on %s: %s%n", d.pin().bcm(), done.level(),
                    done.platform().equals("mock") ? "the MOCK platform" : done.platform(),
                    d.mode() == DoorMode.FAIL_SECURE ? "door locked (FAIL_SECURE)"
                            : "door open while the kiosk is stopped (FAIL_SAFE magnetic lock, by design)");
            return 0;
        } catch (IOException e) {
            err.println("door-safe: " + e.getMessage());
            return EXIT_FAILED;
        }
    }
}
