package org.warmstation.district;

import java.time.Duration;
import picocli.CommandLine;

/** Picocli converter for durations; per option, so it also works when nested in {@code ./station}. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        return duration(value);
    }

    /**
     * Parses {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h} or ISO-8601 {@code PT30S}.
     *
     * @param text the text
     * @return the duration
     * @throws IllegalArgumentException when it is none of those
     */
    static Duration duration(String text) {
        String t = text.strip();
        try {
            if (t.startsWith("P") || t.startsWith("p")) {
                return Duration.parse(t);
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> throw new IllegalArgumentException("unit");
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (use e.g. 500ms, 30s, 5m, 2h)");
        }
    }
}
