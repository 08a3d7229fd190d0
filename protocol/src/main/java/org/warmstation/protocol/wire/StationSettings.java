package org.warmstation.protocol.wire;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.warmstation.protocol.card.StaffPin;

/**
 * Station settings set by the district through a {@link DownlinkCommand}: one whole document,
 * checked here in full, so that a station applies all of it or none (decision 0125). Immutable.
 *
 * @param duplicateWindowSeconds a member's second check-in within this many seconds counts as the
 *                               same visit; 0..86400, 0 = the station's configured window
 * @param enabledServices        names of the services offered, 1..32 of {@link #SERVICES}
 * @param announcement           text shown on the idle screen (e.g. a cold-wave warning), at most
 *                               500 characters, or null for none
 * @param version                the district's settings version for this station, counting from 1;
 *                               0 (or absent, read as 0) in documents from before versions
 * @param hours                  opening hours with exceptions; null = open around the clock
 * @param coldAlertCelsius       the room is too cold below this temperature, -20..30 °C; null =
 *                               the station's configured alert
 * @param staffPin               a new staff PIN as its salted PBKDF2 hash ({@link StaffPin} text
 *                               form, never the PIN); null = keep the PIN the station has
 * @param loanOverdueDays        a loan is overdue this many days after it was lent, 1..60; null =
 *                               the station's own value (3 days by default; issue 12)
 * @param guestLoansAllowed      whether guests may borrow (counted without identity); null = the
 *                               station's own value (no by default; issue 12)
 * @param supplies               the supply items (with units, low-stock thresholds, per-member limits
 *                               per season) and whether the kiosk asks for a rating; null = the
 *                               station's own value ({@link SupplySettings#DEFAULT}; issue 12)
 * @param voiceEnabled           whether the kiosk speaks its prompts; null = the station's own
 *                               {@code voice.enabled} (issue 12, decision 0170)
 * @param voiceVolumePercent     prompt volume, 0..100 % of the recorded level; null = the station's
 *                               own {@code voice.volume}
 * @param voiceQuietHours        daily local times without prompts, {@code HH:mm-HH:mm} spans separated
 *                               by commas (an end of {@code 24:00} = midnight; a span may run past
 *                               midnight, e.g. {@code 22:00-07:00}), or {@code none} for never quiet;
 *                               null = the station's own {@code voice.quietHours}
 * @param brokerUrl              the MQTT broker the station connects to, {@code tcp://host:port} or
 *                               {@code ssl://host:port} (at most 200 characters), e.g. when the district
 *                               moves its broker; null = the station's own {@code broker.url}. A
 *                               document that leaves the station without the broker for 10 minutes is
 *                               rolled back by the station (issue 15, decision 0211)
 */
public record StationSettings(int duplicateWindowSeconds, List<String> enabledServices, String announcement,
                              Integer version, StationHours hours, Double coldAlertCelsius, String staffPin,
                              Integer loanOverdueDays, Boolean guestLoansAllowed, SupplySettings supplies,
                              Boolean voiceEnabled, Integer voiceVolumePercent, String voiceQuietHours,
                              String brokerUrl) {
    /**
     * The service names of the wire, in the kiosk's order (the kiosk's {@code Service} constants;
     * a test keeps the two equal).
     */
    public static final List<String> SERVICES = List.of("HOT_WATER", "HEAT_MEAL", "TOILET", "REST", "WARM_UP",
            "CHARGING", "RAIN_GEAR", "OTHER");
    /** Lowest cold-alert temperature, °C. */
    public static final double MIN_COLD_ALERT = -20;
    /** Highest cold-alert temperature, °C. */
    public static final double MAX_COLD_ALERT = 30;
    /** Longest overdue period of a loan, days. */
    public static final int MAX_LOAN_OVERDUE_DAYS = 60;
    /** {@link #voiceQuietHours} meaning never quiet. */
    public static final String NO_QUIET_HOURS = "none";
    /** Longest {@link #brokerUrl}. */
    public static final int MAX_BROKER_URL = 200;
    private static final java.util.regex.Pattern BROKER_URL =
            java.util.regex.Pattern.compile("(tcp|ssl)://[A-Za-z0-9.\\-\\[\\]:]+:[0-9]{1,5}");
    private static final java.util.regex.Pattern QUIET_SPAN =
            java.util.regex.Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d-(([01]\\d|2[0-3]):[0-5]\\d|24:00)");

    /** @throws IllegalArgumentException naming the first invalid field (a malformed span, an unknown service, ...) */
    public StationSettings {
        if (duplicateWindowSeconds < 0 || duplicateWindowSeconds > 86_400) {
            throw new IllegalArgumentException("duplicateWindowSeconds must be 0..86400: " + duplicateWindowSeconds);
        }
        enabledServices = List.copyOf(enabledServices == null ? List.of() : enabledServices);
        if (enabledServices.isEmpty() || enabledServices.size() > 32) {
            throw new IllegalArgumentException("enabledServices must name 1..32 services");
        }
        for (String s : enabledServices) {
            Check.enumName("service", s);
            if (!SERVICES.contains(s)) {
                throw new IllegalArgumentException("unknown service '" + s + "' (known: " + String.join(", ", SERVICES) + ")");
            }
        }
        if (enabledServices.stream().distinct().count() != enabledServices.size()) {
            throw new IllegalArgumentException("enabledServices names a service twice");
        }
        Check.text("announcement", announcement, 500);
        version = version == null ? 0 : version;
        if (version < 0) {
            throw new IllegalArgumentException("version must be >= 0: " + version);
        }
        hours = hours == null ? StationHours.ALWAYS : hours;
        if (coldAlertCelsius != null && !(coldAlertCelsius >= MIN_COLD_ALERT && coldAlertCelsius <= MAX_COLD_ALERT)) {
            throw new IllegalArgumentException("coldAlertCelsius must be " + MIN_COLD_ALERT + ".." + MAX_COLD_ALERT
                    + " °C: " + coldAlertCelsius);
        }
        if (staffPin != null) {
            StaffPin.parse(staffPin);
        }
        if (loanOverdueDays != null && (loanOverdueDays < 1 || loanOverdueDays > MAX_LOAN_OVERDUE_DAYS)) {
            throw new IllegalArgumentException("loanOverdueDays must be 1.." + MAX_LOAN_OVERDUE_DAYS + ": " + loanOverdueDays);
        }
        if (voiceVolumePercent != null && (voiceVolumePercent < 0 || voiceVolumePercent > 100)) {
            throw new IllegalArgumentException("voiceVolumePercent must be 0..100: " + voiceVolumePercent);
        }
        voiceQuietHours = voiceQuietHours == null ? null : quietHours(voiceQuietHours);
        if (brokerUrl != null && (brokerUrl.length() > MAX_BROKER_URL || !BROKER_URL.matcher(brokerUrl).matches())) {
            throw new IllegalArgumentException("brokerUrl must be tcp://host:port or ssl://host:port (at most "
                    + MAX_BROKER_URL + " characters): '" + Check.abbreviate(brokerUrl) + "'");
        }
    }

    /**
     * Settings without the broker (a document before issue 15: the station keeps its own).
     *
     * @param duplicateWindowSeconds as in the record
     * @param enabledServices        as in the record
     * @param announcement           as in the record
     * @param version                as in the record
     * @param hours                  as in the record
     * @param coldAlertCelsius       as in the record
     * @param staffPin               as in the record
     * @param loanOverdueDays        as in the record
     * @param guestLoansAllowed      as in the record
     * @param supplies               as in the record
     * @param voiceEnabled           as in the record
     * @param voiceVolumePercent     as in the record
     * @param voiceQuietHours        as in the record
     * @throws IllegalArgumentException naming the first invalid field
     */
    public StationSettings(int duplicateWindowSeconds, List<String> enabledServices, String announcement,
                           Integer version, StationHours hours, Double coldAlertCelsius, String staffPin,
                           Integer loanOverdueDays, Boolean guestLoansAllowed, SupplySettings supplies,
                           Boolean voiceEnabled, Integer voiceVolumePercent, String voiceQuietHours) {
        this(duplicateWindowSeconds, enabledServices, announcement, version, hours, coldAlertCelsius, staffPin,
                loanOverdueDays, guestLoansAllowed, supplies, voiceEnabled, voiceVolumePercent, voiceQuietHours, null);
    }

    /**
     * Settings without the voice fields (a document before them: the station keeps its own).
     *
     * @param duplicateWindowSeconds as in the record
     * @param enabledServices        as in the record
     * @param announcement           as in the record
     * @param version                as in the record
     * @param hours                  as in the record
     * @param coldAlertCelsius       as in the record
     * @param staffPin               as in the record
     * @param loanOverdueDays        as in the record
     * @param guestLoansAllowed      as in the record
     * @param supplies               as in the record
     * @throws IllegalArgumentException naming the first invalid field
     */
    public StationSettings(int duplicateWindowSeconds, List<String> enabledServices, String announcement,
                           Integer version, StationHours hours, Double coldAlertCelsius, String staffPin,
                           Integer loanOverdueDays, Boolean guestLoansAllowed, SupplySettings supplies) {
        this(duplicateWindowSeconds, enabledServices, announcement, version, hours, coldAlertCelsius, staffPin,
                loanOverdueDays, guestLoansAllowed, supplies, null, null, null);
    }

    /**
     * Checks voice quiet hours: {@value #NO_QUIET_HOURS} (any case) or 1..6 spans {@code HH:mm-HH:mm}
     * separated by commas, none empty (start equal to end).
     *
     * @param text the quiet hours as entered, e.g. {@code 22:00-07:00} or {@code 12:00-13:30, 22:00-07:00}
     * @return the text normalised (spaces removed, {@value #NO_QUIET_HOURS} lower-cased)
     * @throws IllegalArgumentException saying what is wrong
     */
    public static String quietHours(String text) {
        String t = text.replaceAll("\\s+", "");
        if (t.equalsIgnoreCase(NO_QUIET_HOURS)) {
            return NO_QUIET_HOURS;
        }
        String[] spans = t.split(",", -1);
        if (t.isEmpty() || spans.length > 6) {
            throw new IllegalArgumentException("voiceQuietHours must be 'none' or 1..6 spans HH:mm-HH:mm: '"
                    + Check.abbreviate(text) + "'");
        }
        for (String span : spans) {
            if (!QUIET_SPAN.matcher(span).matches()) {
                throw new IllegalArgumentException("voiceQuietHours: '" + Check.abbreviate(span)
                        + "' is not HH:mm-HH:mm (e.g. 22:00-07:00) or 'none'");
            }
            String[] ends = span.split("-");
            if (ends[0].equals(ends[1])) {
                throw new IllegalArgumentException("voiceQuietHours: the span " + span + " is empty");
            }
        }
        return t;
    }

    /**
     * Settings without the supply settings (a document before them: the station keeps its own).
     *
     * @param duplicateWindowSeconds as in the record
     * @param enabledServices        as in the record
     * @param announcement           as in the record
     * @param version                as in the record
     * @param hours                  as in the record
     * @param coldAlertCelsius       as in the record
     * @param staffPin               as in the record
     * @param loanOverdueDays        as in the record
     * @param guestLoansAllowed      as in the record
     * @throws IllegalArgumentException naming the first invalid field
     */
    public StationSettings(int duplicateWindowSeconds, List<String> enabledServices, String announcement,
                           Integer version, StationHours hours, Double coldAlertCelsius, String staffPin,
                           Integer loanOverdueDays, Boolean guestLoansAllowed) {
        this(duplicateWindowSeconds, enabledServices, announcement, version, hours, coldAlertCelsius, staffPin,
                loanOverdueDays, guestLoansAllowed, null);
    }

    /**
     * Settings without the loan fields (issue 11's document).
     *
     * @param duplicateWindowSeconds as in the record
     * @param enabledServices        as in the record
     * @param announcement           as in the record
     * @param version                as in the record
     * @param hours                  as in the record
     * @param coldAlertCelsius       as in the record
     * @param staffPin               as in the record
     * @throws IllegalArgumentException naming the first invalid field
     */
    public StationSettings(int duplicateWindowSeconds, List<String> enabledServices, String announcement,
                           Integer version, StationHours hours, Double coldAlertCelsius, String staffPin) {
        this(duplicateWindowSeconds, enabledServices, announcement, version, hours, coldAlertCelsius, staffPin,
                null, null);
    }

    /**
     * Settings of before versions: window, services and announcement only.
     *
     * @param duplicateWindowSeconds as in the record
     * @param enabledServices        as in the record
     * @param announcement           as in the record
     * @throws IllegalArgumentException naming the first invalid field
     */
    public StationSettings(int duplicateWindowSeconds, List<String> enabledServices, String announcement) {
        this(duplicateWindowSeconds, enabledServices, announcement, 0, null, null, null);
    }

    /** @return the duplicate window */
    @JsonIgnore
    public Duration duplicateWindow() {
        return Duration.ofSeconds(duplicateWindowSeconds);
    }

    /** @return the cold alert, if the district set one */
    @JsonIgnore
    public Optional<Double> coldAlert() {
        return Optional.ofNullable(coldAlertCelsius);
    }

    /**
     * @param pin the staff PIN hash to carry (e.g. the one kept from an earlier document), or null
     * @return these settings with that PIN hash
     */
    public StationSettings withStaffPin(String pin) {
        return new StationSettings(duplicateWindowSeconds, enabledServices, announcement, version, hours,
                coldAlertCelsius, pin, loanOverdueDays, guestLoansAllowed, supplies, voiceEnabled, voiceVolumePercent,
                voiceQuietHours, brokerUrl);
    }

    /**
     * @param number the district's version number for this document
     * @return these settings, every field kept, with that version
     * @throws IllegalArgumentException when the number is below 0
     */
    public StationSettings withVersion(int number) {
        return new StationSettings(duplicateWindowSeconds, enabledServices, announcement, number, hours,
                coldAlertCelsius, staffPin, loanOverdueDays, guestLoansAllowed, supplies, voiceEnabled,
                voiceVolumePercent, voiceQuietHours, brokerUrl);
    }

    /**
     * @param url the broker the station is to connect to ({@link #brokerUrl}), or null for its own
     * @return these settings, every other field kept, with that broker
     * @throws IllegalArgumentException when the URL is not {@code tcp://host:port} or {@code ssl://host:port}
     */
    public StationSettings withBrokerUrl(String url) {
        return new StationSettings(duplicateWindowSeconds, enabledServices, announcement, version, hours,
                coldAlertCelsius, staffPin, loanOverdueDays, guestLoansAllowed, supplies, voiceEnabled,
                voiceVolumePercent, voiceQuietHours, url);
    }

    /** @return the supply settings the district set, if it set them */
    @JsonIgnore
    public Optional<SupplySettings> supplySettings() {
        return Optional.ofNullable(supplies);
    }
}
