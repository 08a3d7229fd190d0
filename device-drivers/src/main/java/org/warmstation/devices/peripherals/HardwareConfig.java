package org.warmstation.devices.peripherals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.warmstation.devices.DoorMode;
import org.warmstation.devices.LightColor;
import org.warmstation.devices.PeripheralRole;
import org.warmstation.devices.peripherals.HardwareConfigException.Problem;

/**
 * The station's peripherals as configured by the {@code hardware.*} keys of the station config
 * (see docs/hardware.md for every key). A role whose keys are absent is absent; no keys at all is
 * a station without peripherals. Pins are BCM GPIO numbers.
 *
 * @param lights    the wired status-light colours
 * @param buzzer    the buzzer, if any
 * @param door      the door relay, if any
 * @param motion    the PIR motion sensor, if any
 * @param ambient   the I2C temperature/humidity sensor, if any
 * @param backlight the display backlight, if any
 */
public record HardwareConfig(Map<LightColor, Pin> lights, Optional<BuzzerConfig> buzzer, Optional<DoorConfig> door,
                             Optional<MotionConfig> motion, Optional<AmbientConfig> ambient,
                             Optional<BacklightConfig> backlight) {

    /** No peripherals at all. */
    public static final HardwareConfig NONE = new HardwareConfig(Map.of(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    public HardwareConfig {
        lights = lights.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(lights));
        Objects.requireNonNull(buzzer, "buzzer");
        Objects.requireNonNull(door, "door");
        Objects.requireNonNull(motion, "motion");
        Objects.requireNonNull(ambient, "ambient");
        Objects.requireNonNull(backlight, "backlight");
    }

    /**
     * A GPIO pin.
     *
     * @param bcm       BCM GPIO number, 0–27
     * @param activeLow whether the device is on when the pin is low (most relay modules)
     */
    public record Pin(int bcm, boolean activeLow) {
        public Pin {
            if (bcm < 0 || bcm > MAX_BCM) {
                throw new IllegalArgumentException("BCM pin " + bcm + " is not 0-" + MAX_BCM);
            }
        }
    }

    /**
     * @param pin        the buzzer's pin
     * @param nightHours when it stays silent, if configured
     * @param muted      whether it starts muted
     */
    public record BuzzerConfig(Pin pin, Optional<TimeWindow> nightHours, boolean muted) {
    }

    /**
     * @param pin             the relay's pin
     * @param pulse           how long an accepted check-in holds the door open
     * @param openingHours    when a check-in opens the door ({@link TimeWindow#ALWAYS} when not configured)
     * @param mode            fail-secure or fail-safe wiring
     * @param openOnDuplicate whether an already-checked-in member also gets the door opened
     */
    public record DoorConfig(Pin pin, Duration pulse, TimeWindow openingHours, DoorMode mode, boolean openOnDuplicate) {
    }

    /**
     * @param pin      the PIR output's pin
     * @param debounce motion starts closer together than this count once
     */
    public record MotionConfig(Pin pin, Duration debounce) {
    }

    /**
     * An SHT3x (SHT30/31/35) sensor.
     *
     * @param bus              I2C bus number (1 on the Pi header)
     * @param address          7-bit I2C address, 0x44 or 0x45
     * @param lowAlertCelsius  the room is too cold below this temperature, if configured
     * @param interval         time between readings
     */
    public record AmbientConfig(int bus, int address, Optional<Double> lowAlertCelsius, Duration interval) {
    }

    /**
     * @param directory  the sysfs backlight directory, or empty for the first under /sys/class/backlight
     * @param idle       dim after this long without touch or motion
     * @param dimPercent brightness when dimmed, percent of the maximum
     */
    public record BacklightConfig(Optional<Path> directory, Duration idle, int dimPercent) {
    }

    /** Highest BCM GPIO number on the 40-pin header. */
    public static final int MAX_BCM = 27;
    private static final Set<Integer> I2C1_PINS = Set.of(2, 3);
    /**
     * BCM 0–8 have their pull-up on at power-on and while released (BCM2711 datasheet, GPIO
     * alternate-function table); BCM 9–27 their pull-down.
     */
    static final int LAST_PULLED_UP_BCM = 8;

    /**
     * Parses the raw {@code hardware.*} keys of a station config. Other keys are ignored.
     *
     * @param properties raw keys and values (e.g. the station config's hardware map)
     * @return the configuration
     * @throws HardwareConfigException naming every wrong or unknown {@code hardware.*} key
     */
    public static HardwareConfig parse(Map<String, String> properties) throws HardwareConfigException {
        return new Parser(properties).parse();
    }

    /** @return the roles configured */
    public Set<PeripheralRole> roles() {
        Set<PeripheralRole> roles = new HashSet<>();
        if (!lights.isEmpty()) {
            roles.add(PeripheralRole.STATUS_LIGHT);
        }
        buzzer.ifPresent(b -> roles.add(PeripheralRole.BUZZER));
        door.ifPresent(d -> roles.add(PeripheralRole.DOOR));
        motion.ifPresent(m -> roles.add(PeripheralRole.MOTION));
        ambient.ifPresent(a -> roles.add(PeripheralRole.AMBIENT));
        backlight.ifPresent(b -> roles.add(PeripheralRole.BACKLIGHT));
        return Set.copyOf(roles);
    }

    private static final class Parser {
        private static final Set<String> KEYS = Set.of(
                "hardware.light.green.pin", "hardware.light.green.activeLow",
                "hardware.light.red.pin", "hardware.light.red.activeLow",
                "hardware.light.amber.pin", "hardware.light.amber.activeLow",
                "hardware.buzzer.pin", "hardware.buzzer.activeLow", "hardware.buzzer.nightHours", "hardware.buzzer.muted",
                "hardware.door.pin", "hardware.door.activeLow", "hardware.door.pulse", "hardware.door.openingHours",
                "hardware.door.mode", "hardware.door.openOnDuplicate",
                "hardware.motion.pin", "hardware.motion.activeLow", "hardware.motion.debounce",
                "hardware.ambient.bus", "hardware.ambient.address", "hardware.ambient.lowAlert",
                "hardware.ambient.interval",
                "hardware.backlight.path", "hardware.backlight.idle", "hardware.backlight.dimPercent");

        private final Map<String, String> props = new TreeMap<>();
        private final List<Problem> problems = new ArrayList<>();
        private final Map<Integer, String> pinsUsed = new HashMap<>();

        Parser(Map<String, String> all) {
            all.forEach((k, v) -> {
                if (k.startsWith("hardware.")) {
                    props.put(k, v == null ? "" : v.strip());
                }
            });
        }

        HardwareConfig parse() throws HardwareConfigException {
            // claim pins in key order, as the station config's own check does
            props.keySet().stream().filter(k -> k.endsWith(".pin") && KEYS.contains(k)).forEach(k -> {
                try {
                    pinsUsed.putIfAbsent(Integer.parseInt(props.get(k)), k);
                } catch (NumberFormatException e) {
                    // reported by pin()
                }
            });
            props.keySet().stream().filter(k -> !KEYS.contains(k))
                    .forEach(k -> problems.add(new Problem(k, "is not a known hardware key (see docs/hardware.md)")));
            Map<LightColor, Pin> lights = new EnumMap<>(LightColor.class);
            for (LightColor c : LightColor.values()) {
                pin("hardware.light." + c.name().toLowerCase(java.util.Locale.ROOT)).ifPresent(p -> lights.put(c, p));
            }
            // every key is checked even when its role's pin is wrong, so all problems show at once
            Optional<Pin> buzzerPin = pin("hardware.buzzer");
            Optional<TimeWindow> night = value("hardware.buzzer.nightHours", TimeWindow::parse,
                    "must be HH:mm-HH:mm, e.g. 22:00-06:00");
            boolean muted = bool("hardware.buzzer.muted");
            Optional<BuzzerConfig> buzzer = buzzerPin.map(p -> new BuzzerConfig(p, night, muted));
            Optional<Pin> doorPin = pin("hardware.door");
            // the relay must be off whenever no program drives its line (power-on, a killed kiosk)
            doorPin.filter(p -> !p.activeLow() && p.bcm() <= LAST_PULLED_UP_BCM).ifPresent(p -> problems.add(
                    new Problem("hardware.door.pin", "BCM " + p.bcm() + " is pulled up at power-on and whenever no "
                            + "program holds it (e.g. after the kiosk was killed): an active-high relay there can "
                            + "switch on by itself; use BCM 9-27, or an active-low relay module "
                            + "(hardware.door.activeLow=true)")));
            Duration pulse = duration("hardware.door.pulse", Duration.ofSeconds(3), Duration.ofMillis(100),
                    Duration.ofSeconds(60));
            TimeWindow opening = value("hardware.door.openingHours", TimeWindow::parse,
                    "must be HH:mm-HH:mm[,HH:mm-HH:mm], e.g. 08:00-20:00").orElse(TimeWindow.ALWAYS);
            DoorMode mode = value("hardware.door.mode",
                    v -> DoorMode.valueOf(v.toUpperCase(java.util.Locale.ROOT).replace('-', '_')),
                    "must be FAIL_SECURE or FAIL_SAFE").orElse(DoorMode.FAIL_SECURE);
            boolean openOnDuplicate = bool("hardware.door.openOnDuplicate");
            Optional<DoorConfig> door = doorPin.map(p -> new DoorConfig(p, pulse, opening, mode, openOnDuplicate));
            Optional<Pin> motionPin = pin("hardware.motion");
            Duration debounce = duration("hardware.motion.debounce", Duration.ofMillis(200), Duration.ZERO,
                    Duration.ofMinutes(1));
            Optional<MotionConfig> motion = motionPin.map(p -> new MotionConfig(p, debounce));
            Optional<AmbientConfig> ambient = Optional.empty();
            if (props.keySet().stream().anyMatch(k -> k.startsWith("hardware.ambient."))) {
                int bus = value("hardware.ambient.bus", Integer::parseInt, "must be an I2C bus number such as 1")
                        .filter(b -> range("hardware.ambient.bus", b, 0, 31)).orElse(1);
                int address = value("hardware.ambient.address", Integer::decode, "must be 0x44 or 0x45")
                        .filter(a -> oneOf("hardware.ambient.address", a)).orElse(0x44);
                Optional<Double> low = value("hardware.ambient.lowAlert", Double::parseDouble,
                        "must be a temperature in °C, e.g. 10")
                        .filter(t -> range("hardware.ambient.lowAlert", t.intValue(), -40, 40));
                ambient = Optional.of(new AmbientConfig(bus, address, low,
                        duration("hardware.ambient.interval", Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofHours(1))));
                I2C1_PINS.stream().filter(pinsUsed::containsKey).forEach(bcm -> problems.add(new Problem(pinsUsed.get(bcm),
                        "BCM pin " + bcm + " is the I2C bus of the ambient sensor (SDA=2, SCL=3)")));
            }
            Optional<BacklightConfig> backlight = Optional.empty();
            if (props.containsKey("hardware.backlight.path")) {
                String path = props.get("hardware.backlight.path");
                backlight = Optional.of(new BacklightConfig(
                        path.isEmpty() || path.equalsIgnoreCase("auto") ? Optional.empty() : Optional.of(Path.of(path)),
                        duration("hardware.backlight.idle", Duration.ofMinutes(2), Duration.ofSeconds(5), Duration.ofHours(12)),
                        value("hardware.backlight.dimPercent", Integer::parseInt, "must be a percentage 0-100")
                                .filter(p -> range("hardware.backlight.dimPercent", p, 0, 100)).orElse(10)));
            }
            if (!problems.isEmpty()) {
                problems.sort(java.util.Comparator.comparing(Problem::key));
                throw new HardwareConfigException(problems);
            }
            return new HardwareConfig(lights, buzzer, door, motion, ambient, backlight);
        }

        private Optional<Pin> pin(String prefix) {
            String key = prefix + ".pin";
            String raw = props.get(key);
            boolean activeLow = bool(prefix + ".activeLow");
            if (raw == null) {
                return Optional.empty();
            }
            int bcm;
            try {
                bcm = Integer.parseInt(raw);
            } catch (NumberFormatException e) {
                bcm = -1;
            }
            if (bcm < 0 || bcm > MAX_BCM) {
                problems.add(new Problem(key, "must be a BCM GPIO number from 0 to " + MAX_BCM + " (found '" + raw + "')"));
                return Optional.empty();
            }
            String other = pinsUsed.get(bcm);
            if (!key.equals(other)) {
                problems.add(new Problem(key, "BCM pin " + bcm + " is already used by " + other));
                return Optional.empty();
            }
            return Optional.of(new Pin(bcm, activeLow));
        }

        private boolean bool(String key) {
            return value(key, v -> switch (v.toLowerCase(java.util.Locale.ROOT)) {
                case "true", "yes" -> true;
                case "false", "no" -> false;
                default -> throw new IllegalArgumentException(v);
            }, "must be true or false").orElse(false);
        }

        private Duration duration(String key, Duration fallback, Duration min, Duration max) {
            return value(key, Duration::parse, "must be an ISO-8601 duration such as PT3S or PT0.2S")
                    .filter(d -> {
                        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
                            problems.add(new Problem(key, "must be from " + min + " to " + max + " (found '" + props.get(key) + "')"));
                            return false;
                        }
                        return true;
                    }).orElse(fallback);
        }

        private <T> Optional<T> value(String key, Function<String, T> parse, String expected) {
            String raw = props.get(key);
            if (raw == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(parse.apply(raw));
            } catch (RuntimeException e) {
                problems.add(new Problem(key, expected + " (found '" + raw + "')"));
                return Optional.empty();
            }
        }

        private boolean range(String key, int v, int min, int max) {
            if (v < min || v > max) {
                problems.add(new Problem(key, "must be from " + min + " to " + max + " (found '" + props.get(key) + "')"));
                return false;
            }
            return true;
        }

        private boolean oneOf(String key, int address) {
            if (address != 0x44 && address != 0x45) {
                problems.add(new Problem(key, "must be 0x44 or 0x45, the SHT3x addresses (found '" + props.get(key) + "')"));
                return false;
            }
            return true;
        }
    }
}
