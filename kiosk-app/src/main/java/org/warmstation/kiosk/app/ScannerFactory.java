package org.warmstation.kiosk.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.warmstation.devices.scan.CameraScanner;
import org.warmstation.devices.scan.CardScanner;
import org.warmstation.devices.scan.FolderFrameSource;
import org.warmstation.devices.scan.LineScanner;
import org.warmstation.devices.scan.PixelFormat;
import org.warmstation.devices.scan.ProcessFrameSource;
import org.warmstation.devices.scan.QrDecoder;
import org.warmstation.kiosk.config.ScannerSettings;

/** Builds the card scanner a station configuration asks for. */
final class ScannerFactory {
    /** Longest code a serial or wedge scanner may send. */
    static final int MAX_CODE_LENGTH = 1024;

    private ScannerFactory() {
    }

    /**
     * @param s the {@code scanner.*} settings
     * @return the scanner, or empty for {@code wedge} (fed from key events by the app) and {@code none}
     */
    static Optional<CardScanner> create(ScannerSettings s) {
        return switch (s.source()) {
            case CAMERA -> {
                PixelFormat format = PixelFormat.valueOf(s.format().name());
                List<String> command = s.command().map(c -> Arrays.asList(c.trim().split("\\s+")))
                        .orElseGet(() -> defaultCommand(format, s.width(), s.height()));
                yield Optional.of(new CameraScanner(() -> ProcessFrameSource.start(command, format, s.width(), s.height()),
                        new QrDecoder(), CameraScanner.Settings.defaults()));
            }
            case FOLDER -> {
                Path folder = s.folder().orElseThrow();
                yield Optional.of(new CameraScanner(() -> FolderFrameSource.open(folder, Duration.ofMillis(200)),
                        new QrDecoder(), CameraScanner.Settings.defaults()));
            }
            case SERIAL -> {
                Path device = Path.of(s.device().orElseThrow());
                yield Optional.of(new LineScanner(() -> Files.newInputStream(device), MAX_CODE_LENGTH,
                        Duration.ofSeconds(1), Duration.ofSeconds(30)));
            }
            case WEDGE, NONE -> Optional.empty();
        };
    }

    /**
     * The built-in capture command: the Raspberry Pi camera for YUV420, a V4L2 webcam through
     * ffmpeg for GRAY8.
     */
    static List<String> defaultCommand(PixelFormat format, int width, int height) {
        return switch (format) {
            case YUV420 -> List.of("rpicam-vid", "--codec", "yuv420", "-t", "0", "-n", "--width", Integer.toString(width),
                    "--height", Integer.toString(height), "-o", "-");
            case GRAY8 -> List.of("ffmpeg", "-loglevel", "error", "-f", "v4l2", "-video_size", width + "x" + height,
                    "-i", "/dev/video0", "-pix_fmt", "gray", "-f", "rawvideo", "-");
        };
    }
}
