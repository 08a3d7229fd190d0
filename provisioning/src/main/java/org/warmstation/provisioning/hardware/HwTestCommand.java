package org.warmstation.provisioning.hardware;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.warmstation.devices.peripherals.HardwareConfig;
import org.warmstation.devices.peripherals.HardwareConfigException;
import org.warmstation.devices.peripherals.Peripherals;
import org.warmstation.devices.pi4j.Pi4jHardwareBench;
import org.warmstation.devices.pi4j.Pi4jPlatform;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code station hw-test}: checks every peripheral role the station config names (blinks each
 * light, beeps, clicks the relay, reads the sensor, waits for motion, dims the backlight) and
 * prints PASS or FAIL per role. On a Raspberry Pi it drives the real pins; anywhere else, or with
 * {@code --mock}, it runs against Pi4J's mock platform and says so. Exit code 0 when every role
 * passed, 1 when one failed, 2 when the configuration could not be read or is wrong.
 */
@Command(name = "hw-test", mixinStandardHelpOptions = true,
        description = {"Check each configured peripheral: lights, buzzer, door relay, ambient sensor, PIR, backlight.",
                "Prints PASS/FAIL per role; runs on Pi4J's mock platform when not on a Raspberry Pi."})
public final class HwTestCommand implements Callable<Integer> {
    /** Exit code when a role failed. */
    public static final int EXIT_FAILED = 1;
    /** Exit code for an unreadable or wrong configuration. */
    public static final int EXIT_CONFIG = 2;
    /** Where the station config lives on a terminal unless {@code STATION_CONFIG} or --config says otherwise. */
    public static final Path DEFAULT_CONFIG = Path.of("/etc/warm-station/station.properties");

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "station config to read the hardware.* keys from (default: $STATION_CONFIG or " +
                    "/etc/warm-station/station.properties)")
    Path config;

    @Option(names = "--mock", description = "use Pi4J's mock platform even on a Raspberry Pi")
    boolean mock;

    @Option(names = "--motion-timeout", paramLabel = "DURATION", defaultValue = "PT30S",
            description = "how long to wait for motion at the PIR sensor (ISO-8601, default ${DEFAULT-VALUE})")
    Duration motionTimeout;

    @Override
    public Integer call() throws InterruptedException {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Path file = config != null ? config
                : Optional.ofNullable(System.getenv("STATION_CONFIG")).map(Path::of).orElse(DEFAULT_CONFIG);
        HardwareConfig hw;
        try {
            hw = HardwareConfig.parse(read(file));
        } catch (IOException e) {
            err.println("hw-test: cannot read " + file + ": " + e.getMessage());
            return EXIT_CONFIG;
        } catch (HardwareConfigException e) {
            err.println("hw-test: " + file + " has wrong hardware keys:");
            e.problems().forEach(p -> err.println("  " + p));
            return EXIT_CONFIG;
        }
        if (hw.roles().isEmpty()) {
            out.println("hw-test: " + file + " configures no peripherals (no hardware.* keys); nothing to test");
            return 0;
        }
        Pi4jHardwareBench bench;
        try {
            bench = Pi4jHardwareBench.open(mock);
        } catch (IllegalStateException e) {
            err.println("hw-test: " + e.getMessage());
            return EXIT_FAILED;
        }
        Optional<String> pi = bench.raspberryPi();
        if (pi.isPresent()) {
            out.println("hw-test: " + pi.get() + ", GpioD/LinuxFS; watch and listen as each role is driven");
        } else {
            out.println("hw-test: MOCK platform (" + (mock ? "--mock" : "not a Raspberry Pi: "
                    + Pi4jPlatform.DEVICE_TREE_MODEL + " does not name one")
                    + "): checks the configuration and the logic; no real pin is driven");
        }
        out.flush();
        List<HwCheck> checks;
        try (bench; Peripherals p = bench.peripherals(hw, Clock.systemDefaultZone())) {
            checks = new HwTestRun(p, bench.probe(), motionTimeout, out).run();
        }
        long failed = checks.stream().filter(c -> !c.passed()).count();
        out.printf("hw-test: %d passed, %d failed%s%n", checks.size() - failed, failed, pi.isEmpty() ? " (mock platform)" : "");
        return failed == 0 ? 0 : EXIT_FAILED;
    }

    /**
     * @param file a station config
     * @return its keys and values
     * @throws IOException when it cannot be read or is not a properties file
     */
    static Map<String, String> read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IllegalArgumentException e) {
            throw new IOException("not a properties file: " + e.getMessage(), e);
        }
        Map<String, String> m = new HashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        return m;
    }
}
