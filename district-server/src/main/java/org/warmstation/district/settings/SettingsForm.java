package org.warmstation.district.settings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.warmstation.protocol.card.StaffPin;
import org.warmstation.protocol.wire.OpeningHours;
import org.warmstation.protocol.wire.StationHours;
import org.warmstation.protocol.wire.StationSettings;
import org.warmstation.protocol.wire.SupplyItem;
import org.warmstation.protocol.wire.SupplySettings;

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
 * @param pin             a new staff PIN (6-12 digits), blank = keep; hashed here, never sent or stored as is
 * @param pinAgain        the new PIN typed again
 * @param loanOverdueDays days until a loan is overdue, 1..60, blank = the station's own (issue 12)
 * @param guestLoans      whether guests may borrow: {@code yes}, {@code no}, blank = the station's own
 * @param ratings         whether the kiosk asks for a rating: {@code yes}, {@code no}, blank = on when
 *                        supply items are given, else the station's own
 * @param supplies        supply items, one a line {@code CODE lowAt perMemberLimit} ({@link SupplyLines});
 *                        {@code none} = no items; blank = the default six when ratings are set, else
 *                        the station's own items and ratings
 * @param voiceEnabled    spoken prompts: {@code yes}, {@code no}, blank = the station's own
 * @param voiceVolume     prompt volume 0..100 %, blank = the station's own
 * @param voiceQuietHours quiet hours, e.g. {@code 22:00-07:00} or {@code none}, blank = the station's own
 */
public record SettingsForm(String hours, String exceptions, String services, String duplicateWindow,
                           String coldAlert, String announcement, String pin, String pinAgain,
                           String loanOverdueDays, String guestLoans, String ratings, String supplies,
                           String voiceEnabled, String voiceVolume, String voiceQuietHours) {
    /** {@link #supplies} text for a station that stocks nothing. */
    public static final String NO_ITEMS = "none";

    /**
     * A form of issue 11's fields; the issue-12 fields (loans, supplies, ratings, voice) blank,
     * i.e. left to the station.
     *
     * @param hours           as in the record
     * @param exceptions      as in the record
     * @param services        as in the record
     * @param duplicateWindow as in the record
     * @param coldAlert       as in the record
     * @param announcement    as in the record
     * @param pin             as in the record
     * @param pinAgain        as in the record
     */
    public SettingsForm(String hours, String exceptions, String services, String duplicateWindow,
                        String coldAlert, String announcement, String pin, String pinAgain) {
        this(hours, exceptions, services, duplicateWindow, coldAlert, announcement, pin, pinAgain,
                "", "", "", "", "", "", "");
    }

    /**
     * @param s a document sent before (PIN left out)
     * @return the form showing it
     */
    public static SettingsForm of(StationSettings s) {
        return new SettingsForm(HoursText.weekly(s.hours().weekly()), HoursText.format(s.hours().exceptions()),
                String.join(",", s.enabledServices()),
                s.duplicateWindowSeconds() == 0 ? "" : String.valueOf(s.duplicateWindowSeconds() / 60),
                s.coldAlert().map(c -> c % 1 == 0 ? String.valueOf(c.intValue()) : String.valueOf(c)).orElse(""),
                s.announcement() == null ? "" : s.announcement(), "", "",
                text(s.loanOverdueDays()), yesNo(s.guestLoansAllowed()),
                s.supplySettings().map(p -> yesNo(p.ratingsEnabled())).orElse(""),
                s.supplySettings().map(p -> p.items().isEmpty() ? NO_ITEMS : SupplyLines.format(p.items())).orElse(""),
                yesNo(s.voiceEnabled()), text(s.voiceVolumePercent()), text(s.voiceQuietHours()));
    }

    /** @return this form with the PIN fields emptied (to show it again) */
    public SettingsForm withoutPin() {
        return new SettingsForm(hours, exceptions, services, duplicateWindow, coldAlert, announcement, "", "",
                loanOverdueDays, guestLoans, ratings, supplies, voiceEnabled, voiceVolume, voiceQuietHours);
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
     * Checks everything and builds the document (version 0: the district numbers it when sending);
     * supply items take their names and units from the defaults.
     *
     * @return the settings
     * @throws IllegalArgumentException naming the field and what is wrong (an invalid hour, an
     *                                  unknown service, a PIN of letters, an unknown supply item, ...)
     */
    public StationSettings toSettings() {
        return toSettings(null);
    }

    /**
     * Checks everything and builds the document (version 0: the district numbers it when sending).
     *
     * @param previous the station's previous document, whose supply items' names and units are kept;
     *                 null for none
     * @return the settings
     * @throws IllegalArgumentException naming the field and what is wrong (an invalid hour, an
     *                                  unknown service, a PIN of letters, an unknown supply item, ...)
     */
    public StationSettings toSettings(StationSettings previous) {
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
        Integer overdue = whole("loan overdue days", loanOverdueDays, 1, StationSettings.MAX_LOAN_OVERDUE_DAYS);
        Boolean guests = yesNo("guest loans", guestLoans);
        SupplySettings supplySettings = supplySettings(previous);
        Boolean voiceOn = yesNo("voice prompts", voiceEnabled);
        Integer volume = whole("voice volume (%)", voiceVolume, 0, 100);
        String quiet = null;
        if (!blank(voiceQuietHours)) {
            try {
                quiet = StationSettings.quietHours(voiceQuietHours);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("voice quiet hours: " + e.getMessage().replaceFirst("^voiceQuietHours:? ?", ""), e);
            }
        }
        try {
            return new StationSettings(window, serviceList(), blank(announcement) ? null : announcement.strip(), 0, h,
                    cold, pinHash, overdue, guests, supplySettings, voiceOn, volume, quiet);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("settings: " + e.getMessage(), e);
        }
    }

    private SupplySettings supplySettings(StationSettings previous) {
        Boolean ratingsOn = yesNo("ratings", ratings);
        if (blank(supplies) && ratingsOn == null) {
            return null;
        }
        List<SupplyItem> items;
        if (blank(supplies)) {
            items = SupplySettings.DEFAULT.items();
        } else if (supplies.strip().equalsIgnoreCase(NO_ITEMS)) {
            items = List.of();
        } else {
            List<SupplyItem> known = previous == null ? List.of()
                    : previous.supplySettings().map(SupplySettings::items).orElse(List.of());
            items = SupplyLines.parse(supplies, known);
        }
        try {
            return new SupplySettings(items, ratingsOn == null || ratingsOn);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("supplies: " + e.getMessage(), e);
        }
    }

    private static Integer whole(String what, String text, int min, int max) {
        if (blank(text)) {
            return null;
        }
        int v;
        try {
            v = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": '" + text.strip() + "' is not a whole number");
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(what + ": " + v + " is outside " + min + ".." + max);
        }
        return v;
    }

    private static Boolean yesNo(String what, String text) {
        if (blank(text)) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "on" -> true;
            case "no", "false", "off" -> false;
            default -> throw new IllegalArgumentException(what + ": '" + text.strip()
                    + "' is not yes or no (blank = the station's own)");
        };
    }

    private static String yesNo(Boolean b) {
        return b == null ? "" : b ? "yes" : "no";
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
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
