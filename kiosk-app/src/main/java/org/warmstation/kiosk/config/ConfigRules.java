package org.warmstation.kiosk.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The value rules of the station configuration, shared by the file reader and the
 * {@link StationConfig} constructor so a configuration built in code obeys the same rules as one
 * read from a file. Every rule throws a {@link KeyException} naming the key.
 */
final class ConfigRules {
    /** Highest BCM GPIO number on the Raspberry Pi's 40-pin header. */
    static final int MAX_BCM_PIN = 27;

    private static final Pattern STATION_ID = Pattern.compile("[A-Z][A-Z0-9]{0,7}-[0-9]{1,8}");
    private static final Pattern DISTRICT_ID = Pattern.compile("[1-9][0-9]{5}");

    private ConfigRules() {
    }

    /** A value that breaks a rule; the message says what is expected, the key says where. */
    static final class KeyException extends IllegalArgumentException {
        private final String key;

        KeyException(String key, String message) {
            super(message);
            this.key = key;
        }

        String key() {
            return key;
        }
    }

    static String stationId(String value) {
        if (!STATION_ID.matcher(value).matches()) {
            throw new KeyException("station.id", "must be capital letters, a dash and digits, like CY-0042"
                    + got(value));
        }
        return value;
    }

    static String stationName(String value) {
        if (value.isBlank() || value.length() > 64) {
            throw new KeyException("station.name", "must be 1 to 64 characters");
        }
        return value;
    }

    static int districtId(String value) {
        if (!DISTRICT_ID.matcher(value).matches()) {
            throw new KeyException("district.id",
                    "must be a 6-digit administrative division code such as 110105" + got(value));
        }
        return Integer.parseInt(value);
    }

    static void checkDistrictId(int districtId) {
        if (districtId < 100_000 || districtId > 999_999) {
            throw new KeyException("district.id",
                    "must be a 6-digit administrative division code such as 110105" + got(districtId));
        }
    }

    static double degrees(String key, String value, double limit) {
        double d;
        try {
            d = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new KeyException(key, "must be decimal degrees such as 39.9219" + got(value));
        }
        checkDegrees(key, d, limit);
        return d;
    }

    static void checkDegrees(String key, double d, double limit) {
        if (!(d >= -limit && d <= limit)) {
            throw new KeyException(key, "must be between " + (int) -limit + " and " + (int) limit
                    + " decimal degrees" + got(d));
        }
    }

    static URI brokerUrl(String value) {
        try {
            URI uri = new URI(value);
            checkBrokerUrl(uri);
            return uri;
        } catch (URISyntaxException e) {
            throw new KeyException("broker.url", "must be tcp://HOST:PORT or ssl://HOST:PORT" + got(value));
        }
    }

    static void checkBrokerUrl(URI uri) {
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("tcp") || scheme.equals("ssl")) || uri.getHost() == null
                || uri.getPort() > 65_535) {
            throw new KeyException("broker.url", "must be tcp://HOST:PORT or ssl://HOST:PORT" + got(uri));
        }
        if (uri.getRawUserInfo() != null) {
            throw new KeyException("broker.url", "must not contain a user or password; put the user in broker.username");
        }
    }

    static Duration duration(String key, String value) {
        Duration d;
        try {
            d = Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new KeyException(key, "must be an ISO-8601 duration such as PT10M or PT20S" + got(value));
        }
        checkPositive(key, d);
        return d;
    }

    static void checkPositive(String key, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new KeyException(key, "must be a positive duration" + got(d));
        }
    }

    static int integer(String key, String value, int min, int max) {
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new KeyException(key, "must be a whole number from " + min + " to " + max + got(value));
        }
        checkRange(key, n, min, max);
        return n;
    }

    static boolean bool(String key, String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new KeyException(key, "must be true or false" + got(value));
    }

    static void checkRange(String key, int n, int min, int max) {
        if (n < min || n > max) {
            throw new KeyException(key, "must be a whole number from " + min + " to " + max + got(n));
        }
    }

    static <E extends Enum<E>> E choice(String key, String value, Class<E> type) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value)) {
                return e;
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name().toLowerCase(java.util.Locale.ROOT));
        }
        throw new KeyException(key, "must be one of " + String.join(", ", names) + got(value));
    }

    /**
     * Checks every {@code hardware.*.pin} value: a BCM GPIO number 0–27, no number used twice.
     *
     * @param hardware the raw {@code hardware.*} keys and values
     * @return one exception per bad key, in key order; empty when all are fine
     */
    static List<KeyException> hardwarePinProblems(Map<String, String> hardware) {
        List<KeyException> problems = new ArrayList<>();
        Map<Integer, String> used = new HashMap<>();
        hardware.keySet().stream().sorted().forEach(key -> {
            if (!key.startsWith("hardware.")) {
                problems.add(new KeyException(key, "is not a hardware.* key"));
                return;
            }
            if (!key.endsWith(".pin")) {
                return;
            }
            String value = hardware.get(key).strip();
            int pin;
            try {
                pin = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                problems.add(new KeyException(key, "must be a BCM GPIO number from 0 to " + MAX_BCM_PIN + got(value)));
                return;
            }
            if (pin < 0 || pin > MAX_BCM_PIN) {
                problems.add(new KeyException(key, "must be a BCM GPIO number from 0 to " + MAX_BCM_PIN + got(value)));
                return;
            }
            String other = used.putIfAbsent(pin, key);
            if (other != null) {
                problems.add(new KeyException(key, "BCM pin " + pin + " is already used by " + other));
            }
        });
        return problems;
    }

    private static String got(Object value) {
        return " (found '" + value + "')";
    }
}
