package org.warmstation.kiosk.config;

import java.time.Clock;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;
import org.warmstation.devices.peripherals.TimeWindow;

/**
 * The {@code voice.*} keys: whether the kiosk speaks its prompts, how loud, and when it stays
 * silent (decision 0140). Immutable.
 *
 * @param enabled       {@code voice.enabled}, {@code true} or {@code false} (default true)
 * @param volumePercent {@code voice.volume}, 0 to 100 percent of the recorded level (default
 *                      {@value #DEFAULT_VOLUME}); 0 is silent
 * @param quietHours    {@code voice.quietHours}, daily local times without prompts, e.g.
 *                      {@code 22:00-07:00} (the default) or {@code 12:00-13:30,22:00-07:00};
 *                      {@code none} (empty) for never quiet
 */
public record VoiceSettings(boolean enabled, int volumePercent, Optional<TimeWindow> quietHours) {
    /** Default {@code voice.volume}. */
    public static final int DEFAULT_VOLUME = 80;
    /** Default {@code voice.quietHours}: night hours. */
    public static final TimeWindow DEFAULT_QUIET_HOURS = TimeWindow.parse("22:00-07:00");
    /** Prompts on at {@value #DEFAULT_VOLUME} %, quiet from 22:00 to 07:00. */
    public static final VoiceSettings DEFAULTS = new VoiceSettings(true, DEFAULT_VOLUME, Optional.of(DEFAULT_QUIET_HOURS));

    /** @throws IllegalArgumentException naming {@code voice.volume} when it is not 0..100 */
    public VoiceSettings {
        Objects.requireNonNull(quietHours, "quietHours");
        if (volumePercent < 0 || volumePercent > 100) {
            throw new ConfigRules.KeyException("voice.volume", "must be 0 to 100 (percent), found " + volumePercent);
        }
    }

    /**
     * @param time a local time at the station
     * @return whether a prompt is spoken then: enabled, volume above 0 and outside quiet hours
     */
    public boolean speaksAt(LocalTime time) {
        return enabled && volumePercent > 0 && quietHours.map(q -> !q.contains(time)).orElse(true);
    }

    /**
     * @param clock the station clock in the station's zone
     * @return whether a prompt is spoken now
     */
    public boolean speaksNow(Clock clock) {
        return speaksAt(LocalTime.now(clock));
    }

    /** @return the volume as a gain factor, 0 to 1 */
    public double gain() {
        return volumePercent / 100.0;
    }

    /**
     * @param text {@code voice.quietHours} value
     * @return the windows, or empty for {@code none}
     * @throws IllegalArgumentException saying what is wrong
     */
    static Optional<TimeWindow> quietHours(String text) {
        return text.strip().equalsIgnoreCase("none") ? Optional.empty() : Optional.of(TimeWindow.parse(text));
    }

    /**
     * These (configured) settings with the district's values where it set them (decision 0170).
     *
     * @param districtEnabled    the district's on/off, or null to keep {@link #enabled}
     * @param districtVolume     the district's volume 0..100 %, or null to keep {@link #volumePercent}
     * @param districtQuietHours the district's quiet hours ({@code 22:00-07:00}, {@code none}), or
     *                           null to keep {@link #quietHours}
     * @return the settings that apply
     * @throws IllegalArgumentException when a district value is out of range or not quiet-hours text
     *                                  (the protocol checked it already, so only for a forged file)
     */
    public VoiceSettings over(Boolean districtEnabled, Integer districtVolume, String districtQuietHours) {
        return new VoiceSettings(districtEnabled != null ? districtEnabled : enabled,
                districtVolume != null ? districtVolume : volumePercent,
                districtQuietHours != null ? quietHours(districtQuietHours) : quietHours);
    }

    /** @return {@code voice.quietHours} as written in the file */
    String quietHoursText() {
        return quietHours.map(TimeWindow::toString).orElse("none");
    }
}
