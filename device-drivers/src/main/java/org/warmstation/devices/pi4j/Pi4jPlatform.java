package org.warmstation.devices.pi4j;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Chooses the Pi4J platform: GpioD (digital I/O) and LinuxFS (I2C) on a Raspberry Pi 4/5, Pi4J's
 * mock platform everywhere else (laptops, CI, the demo).
 */
public final class Pi4jPlatform {
    /** Where the kernel names the board. */
    public static final Path DEVICE_TREE_MODEL = Path.of("/proc/device-tree/model");

    private Pi4jPlatform() {
    }

    /**
     * @param model the device-tree model file ({@link #DEVICE_TREE_MODEL})
     * @return the board's name when it is a Raspberry Pi, e.g. {@code Raspberry Pi 5 Model B Rev 1.0}
     */
    public static java.util.Optional<String> raspberryPi(Path model) {
        try {
            String text = new String(Files.readAllBytes(model), StandardCharsets.US_ASCII).replace("\0", "").strip();
            return text.contains("Raspberry Pi") ? java.util.Optional.of(text) : java.util.Optional.empty();
        } catch (IOException | SecurityException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * A context of Pi4J's mock platform only: mock GPIO and I2C, whatever the machine.
     *
     * @return the context; the caller shuts it down
     */
    public static Context newMockContext() {
        return Pi4J.newContextBuilder().autoDetectMockPlugins().autoDetectPlatforms().build();
    }

    /**
     * A context for real hardware: auto-detected providers, of which Pi4J picks GpioD for GPIO and
     * LinuxFS for I2C on a Pi (it leaves out mock plugins when it runs on a Pi).
     *
     * @return the context; the caller shuts it down
     * @throws IllegalStateException when the chosen providers are mock ones (not on a Pi after all)
     */
    public static Context newHardwareContext() {
        Context context = Pi4J.newAutoContext();
        String out = context.provider(com.pi4j.io.IOType.DIGITAL_OUTPUT).id();
        if (out.startsWith("mock")) {
            context.shutdown();
            throw new IllegalStateException("Pi4J chose its mock provider (" + out + ") on what looked like a Pi");
        }
        return context;
    }
}
