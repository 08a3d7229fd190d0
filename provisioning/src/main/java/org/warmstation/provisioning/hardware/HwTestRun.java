package org.warmstation.provisioning.hardware;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.warmstation.devices.LightColor;
import org.warmstation.devices.Pattern;
import org.warmstation.devices.PeripheralRole;
import org.warmstation.devices.PeripheralStatus;
import org.warmstation.devices.PinProbe;
import org.warmstation.devices.peripherals.CheckInOutcome;
import org.warmstation.devices.peripherals.FeedbackPatterns;
import org.warmstation.devices.peripherals.Peripherals;

/**
 * Walks through every configured peripheral role once and checks it: outputs must be driven
 * without error and Pi4J must report the pin changes; the sensor must give a reading; the PIR
 * must see motion within the timeout. On the mock platform the sensor's answer and the motion
 * are simulated (and the output says so), so the whole path runs without hardware.
 */
final class HwTestRun {
    private static final Pattern BLINK = Pattern.flashes(3, Duration.ofMillis(200), Duration.ofMillis(200));

    private final Peripherals peripherals;
    private final PinProbe probe;
    private final boolean mock;
    private final Duration motionTimeout;
    private final PrintWriter out;

    HwTestRun(Peripherals peripherals, PinProbe probe, Duration motionTimeout, PrintWriter out) {
        this.peripherals = peripherals;
        this.probe = probe;
        this.mock = probe.simulated();
        this.motionTimeout = motionTimeout;
        this.out = out;
    }

    List<HwCheck> run() throws InterruptedException {
        List<HwCheck> checks = new ArrayList<>();
        var roles = peripherals.roles();
        var config = peripherals.config();
        for (PeripheralRole role : PeripheralRole.values()) {
            if (!config.roles().contains(role)) {
                continue;
            }
            String name = name(role);
            PeripheralStatus status = peripherals.states().snapshot().statuses().get(role);
            boolean opened = switch (role) {
                case STATUS_LIGHT -> roles.light().isPresent();
                case BUZZER -> roles.buzzer().isPresent();
                case DOOR -> roles.door().isPresent();
                case MOTION -> roles.motion().isPresent();
                case AMBIENT -> roles.ambient().isPresent();
                case BACKLIGHT -> roles.backlight().isPresent();
            };
            if (!opened) {
                checks.add(report(HwCheck.fail(name, status == null ? "not available" : status.message())));
                continue;
            }
            try {
                checks.add(report(switch (role) {
                    case STATUS_LIGHT -> light();
                    case BUZZER -> buzzer();
                    case DOOR -> door();
                    case MOTION -> motion();
                    case AMBIENT -> ambient();
                    case BACKLIGHT -> backlight();
                }));
            } catch (IOException | RuntimeException e) {
                checks.add(report(HwCheck.fail(name, e.getMessage() == null ? e.toString() : e.getMessage())));
            }
        }
        return checks;
    }

    private HwCheck report(HwCheck check) {
        out.println(check);
        out.flush();
        return check;
    }

    static String name(PeripheralRole role) {
        return role.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Counts the changes the platform reports on an output while an action runs. */
    private int changes(String id, PinProbe.RoleAction action) throws IOException, InterruptedException {
        return probe.changesDuring(id, action);
    }

    private HwCheck light() throws IOException, InterruptedException {
        var light = peripherals.roles().light().orElseThrow();
        List<String> done = new ArrayList<>();
        for (LightColor c : LightColor.values()) {
            if (!light.colors().contains(c)) {
                continue;
            }
            String id = "light-" + c.name().toLowerCase(Locale.ROOT);
            int n = changes(id, () -> light.show(c, BLINK));
            if (n != 6) {
                return HwCheck.fail(name(PeripheralRole.STATUS_LIGHT), c + ": pin changed " + n + " times, expected 6");
            }
            done.add(c.name().toLowerCase(Locale.ROOT));
        }
        return HwCheck.pass(name(PeripheralRole.STATUS_LIGHT), String.join(", ", done)
                + " each blinked 3 times (watch the LEDs)");
    }

    private HwCheck buzzer() throws IOException, InterruptedException {
        var buzzer = peripherals.roles().buzzer().orElseThrow();
        int n = changes("buzzer", () -> {
            for (CheckInOutcome o : List.of(CheckInOutcome.ACCEPTED, CheckInOutcome.ALREADY_CHECKED_IN, CheckInOutcome.REJECTED)) {
                buzzer.play(FeedbackPatterns.buzzer(o));
                Thread.sleep(400);
            }
        });
        if (n != 8) {
            return HwCheck.fail(name(PeripheralRole.BUZZER), "pin changed " + n + " times, expected 8");
        }
        return HwCheck.pass(name(PeripheralRole.BUZZER), "beeped accepted, already-checked-in and rejected patterns (listen)");
    }

    private HwCheck door() throws IOException, InterruptedException {
        var door = peripherals.roles().door().orElseThrow();
        Duration pulse = peripherals.config().door().orElseThrow().pulse();
        int n = changes("door", () -> door.pulse(pulse));
        if (n != 2 || door.isOpen()) {
            return HwCheck.fail(name(PeripheralRole.DOOR), "relay pin changed " + n + " times, expected 2");
        }
        return HwCheck.pass(name(PeripheralRole.DOOR), door.mode() + " relay pulsed open for " + seconds(pulse)
                + " and locked again (listen for two clicks)");
    }

    private HwCheck ambient() throws IOException {
        var sensor = peripherals.roles().ambient().orElseThrow();
        String note = "";
        if (mock) {
            probe.simulateAmbientAnswer();
            note = " (simulated answer on the mock platform)";
        }
        var r = sensor.read();
        return HwCheck.pass(name(PeripheralRole.AMBIENT), String.format(Locale.ROOT, "%.1f °C, %.0f %%RH from %s%s",
                r.celsius(), r.relativeHumidity(), sensor.describe(), note));
    }

    private HwCheck motion() throws InterruptedException {
        var motion = peripherals.roles().motion().orElseThrow();
        CountDownLatch seen = new CountDownLatch(1);
        motion.addListener(at -> seen.countDown());
        long start = System.nanoTime();
        String note = "";
        if (mock) {
            probe.simulateMotion(peripherals.config().motion().orElseThrow().pin().activeLow());
            note = " (simulated on the mock platform)";
        } else {
            out.println("motion: walk past the PIR sensor within " + seconds(motionTimeout) + " ...");
            out.flush();
        }
        if (!seen.await(motionTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return HwCheck.fail(name(PeripheralRole.MOTION), "no motion within " + seconds(motionTimeout));
        }
        return HwCheck.pass(name(PeripheralRole.MOTION), "motion seen after "
                + seconds(Duration.ofNanos(System.nanoTime() - start)) + note);
    }

    private HwCheck backlight() throws IOException, InterruptedException {
        var b = peripherals.roles().backlight().orElseThrow();
        int before = b.level();
        int dim = Math.round(b.max() * peripherals.config().backlight().orElseThrow().dimPercent() / 100f);
        b.level(dim);
        int read = b.level();
        Thread.sleep(1000);
        b.level(before);
        if (read != dim) {
            return HwCheck.fail(name(PeripheralRole.BACKLIGHT), "set " + dim + " but reads " + read);
        }
        return HwCheck.pass(name(PeripheralRole.BACKLIGHT), "dimmed to " + dim + "/" + b.max() + " for 1 s, restored " + before);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
