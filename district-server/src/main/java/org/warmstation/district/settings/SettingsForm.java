package org.warmstation.district.settings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.warmstation.protocol.card.StaffPin;
import org.warmstation.protocol.wire.OpeningHours;
import org.warmstation.protocol.wire.StationHours;
import org.warmstation.protocol.wire.StationSettings;

/**
 * A station settings document as an admin enters it (console form fields, command-line options),
 * all text, checked in full into a {@link StationSettings} before anything is sent. Immutable.
 *
 * @param hours           weekly hours in the configuration form, e.g. {@code MON-FRI 07:00-22:00; SAT,SUN 09:00-17:00};
 *                        blank = around the clock
 * @param exceptions      dated exceptions, one a line ({@link HoursText})
 * @param services        service names, comma- or space-separated
 * @param duplicateWindow minutes, blank = the station's configured window
 * @param coldAlert       °C, blank = the station's configured alert
 * @param announcement    idle-screen notice, blank = none
 * @param pin             a new staff PIN (4-12 digits), blank = keep; hashed here, never sent or stored as is
 * @param pinAgain        the new PIN typed again
 */
public record SettingsForm(String hours, String exceptions, String services, String duplicateWindow,
                           String coldAlert, String announcement, String pin, String pinAgain) {

    /**
     * @param s a document sent before (PIN left out)
     * @return the form showing it
     */
    public static SettingsForm of(StationSettings s) {
        return new SettingsForm(HoursText.weekly(s.hours().weekly()), HoursText.format(s.hours().exceptions()),
                String.join(",", s.enabledServices()),
                s.duplicateWindowSeconds() == 0 ? "" : String.valueOf(s.duplicateWindowSeconds() / 60),
                s.coldAlert().map(c -> c % 1 == 0 ? String.valueOf(c.intValue()) : String.valueOf(c)).orElse(""),
                s.announcement() == null ? "" : s.announcement(), "", "");
    }

    /** @return an empty form: every service, no limits */
    public static SettingsForm blank() {
        return new SettingsForm("", "", String.join(",", StationSettings.SERVICES), "", "", "", "", "");
    }

    /** @return the service names entered (upper-cased) */
    public List<String> serviceList() {
        List<String> out = new ArrayList<>();
        if (services != null) {
            Arrays.stream(services.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty())
                    .map(s -> s.toUpperCase(Locale.ROOT)).forEach(out::add);
        }
        return out;
    }

    /**
     * Checks everything and builds the document (version 0: the district numbers it when sending).
     *
     * @return the settings
     * @throws IllegalArgumentException naming the field and what is wrong (an invalid hour, an
     *                                  unknown service, a PIN of letters, ...)
     */
    public StationSettings toSettings() {
        StationHours h;
        try {
            h = new StationHours(OpeningHours.parse(hours), HoursText.parseExceptions(exceptions));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("opening hours: " + e.getMessage(), e);
        }
        int window = (int) Math.round(number("duplicate window (minutes)", duplicateWindow, 0, 1440) * 60);
        Double cold = blank(coldAlert) ? null
                : number("cold alert (°C)", coldAlert, StationSettings.MIN_COLD_ALERT, StationSettings.MAX_COLD_ALERT);
        String pinHash = null;
        if (!blank(pin) || !blank(pinAgain)) {
            if (pin == null || !pin.equals(pinAgain)) {
                throw new IllegalArgumentException("staff PIN: the two entries differ");
            }
            try {
                pinHash = StaffPin.hash(pin.strip().toCharArray()).encoded();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("staff PIN: " + e.getMessage(), e);
            }
        }
        try {
            return new StationSettings(window, serviceList(), blank(announcement) ? null : announcement.strip(), 0, h,
                    cold, pinHash);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("settings: " + e.getMessage(), e);
        }
    }

    private static double number(String what, String text, double min, double max) {
        if (blank(text)) {
            return 0;
        }
        double v;
        try {
            v = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": '" + text.strip() + "' is not a number");
        }
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException(what + ": " + text.strip() + " is outside " + fmt(min) + ".." + fmt(max));
        }
        return v;
    }

    private static String fmt(double d) {
        return d % 1 == 0 ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
