package org.warmstation.kiosk.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How the station reads member cards: the {@code scanner.*} keys of the station configuration.
 *
 * @param source  where codes come from ({@code scanner.source})
 * @param command the camera capture command line, e.g. an {@code rpicam-vid} invocation writing
 *                raw frames to standard output ({@code scanner.command}); empty for the built-in
 *                default
 * @param width   frame width in pixels, 16–4096 ({@code scanner.width})
 * @param height  frame height in pixels, 16–4096 ({@code scanner.height})
 * @param format  pixel format of raw camera frames ({@code scanner.format})
 * @param folder  folder watched for image files ({@code scanner.folder}); required when the source
 *                is {@link Source#FOLDER}
 * @param device  serial device, e.g. {@code /dev/ttyACM0} ({@code scanner.device}); required when
 *                the source is {@link Source#SERIAL}
 */
public record ScannerSettings(Source source, Optional<String> command, int width, int height, PixelFormat format,
                              Optional<Path> folder, Optional<String> device) {

    /** Default frame width in pixels. */
    public static final int DEFAULT_WIDTH = 640;
    /** Default frame height in pixels. */
    public static final int DEFAULT_HEIGHT = 480;

    /** Where the codes come from. */
    public enum Source {
        /** A camera whose raw frames a capture command writes to standard output. */
        CAMERA,
        /** Image files dropped into a folder (testing, demo). */
        FOLDER,
        /** A USB scanner that types the code like a keyboard and ends it with Enter. */
        WEDGE,
        /** A scanner on a serial port sending one code per line. */
        SERIAL,
        /** No scanner: check-in by staff only. */
        NONE;

        /** @return the lower-case name used in the file */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Pixel format of raw frames. */
    public enum PixelFormat {
        /** One byte of luminance per pixel. */
        GRAY8,
        /** Planar YUV 4:2:0 (I420); the Y plane is the luminance. */
        YUV420
    }

    /**
     * @throws IllegalArgumentException naming the key when a size is out of range or a folder or
     *                                  device required by the source is missing
     */
    public ScannerSettings {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(device, "device");
        ConfigRules.checkRange("scanner.width", width, 16, 4096);
        ConfigRules.checkRange("scanner.height", height, 16, 4096);
        if (source == Source.FOLDER && folder.isEmpty()) {
            throw new ConfigRules.KeyException("scanner.folder", "is required when scanner.source is folder");
        }
        if (source == Source.SERIAL && device.isEmpty()) {
            throw new ConfigRules.KeyException("scanner.device", "is required when scanner.source is serial");
        }
    }

    /** @return camera source, default command, 640 x 480 GRAY8 */
    public static ScannerSettings defaults() {
        return new ScannerSettings(Source.CAMERA, Optional.empty(), DEFAULT_WIDTH, DEFAULT_HEIGHT, PixelFormat.GRAY8,
                Optional.empty(), Optional.empty());
    }
}
