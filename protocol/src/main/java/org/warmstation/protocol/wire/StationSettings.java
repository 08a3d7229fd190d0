package org.warmstation.protocol.wire;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;
import java.util.List;

/**
 * Station settings set by the district through a {@link DownlinkCommand}.
 *
 * @param duplicateWindowSeconds a member's second check-in within this many seconds counts as the
 *                               same visit; 0..86400
 * @param enabledServices        names of the kiosk {@code Service}s offered, at least one
 * @param announcement           text shown on the idle screen (e.g. a cold-wave warning), at most
 *                               500 characters, or null for none
 */
public record StationSettings(int duplicateWindowSeconds, List<String> enabledServices, String announcement) {
    /** @throws IllegalArgumentException naming the first invalid field */
    public StationSettings {
        if (duplicateWindowSeconds < 0 || duplicateWindowSeconds > 86_400) {
            throw new IllegalArgumentException("duplicateWindowSeconds must be 0..86400: " + duplicateWindowSeconds);
        }
        enabledServices = List.copyOf(enabledServices == null ? List.of() : enabledServices);
        if (enabledServices.isEmpty() || enabledServices.size() > 32) {
            throw new IllegalArgumentException("enabledServices must name 1..32 services");
        }
        enabledServices.forEach(s -> Check.enumName("service", s));
        Check.text("announcement", announcement, 500);
    }

    /** @return the duplicate window */
    @JsonIgnore
    public Duration duplicateWindow() {
        return Duration.ofSeconds(duplicateWindowSeconds);
    }
}
