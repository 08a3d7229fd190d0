package org.warmstation.kiosk.config;

import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.warmstation.visitlog.domain.Service;
import org.warmstation.protocol.wire.OpeningHours;

/**
 * The {@code station.address}, {@code station.phone}, {@code station.hours} and
 * {@code station.services} keys: what the station tells the district and the public finder
 * about itself besides its name and position (docs/provisioning.md). Immutable.
 *
 * @param address      {@code station.address}, street address (at most 200 characters), empty
 *                     when not given
 * @param phone        {@code station.phone}, phone number for workers (at most 40 characters),
 *                     empty when not given
 * @param openingHours {@code station.hours}, e.g. {@code MON-FRI 08:00-20:00; SAT,SUN 09:00-17:00}
 *                     ({@link OpeningHours#parse}); empty when not given: the district then shows
 *                     "hours not published", never "open"
 * @param services     {@code station.services}, comma-separated {@link Service} names offered
 *                     (default: every service)
 */
public record ProfileSettings(String address, String phone, Map<DayOfWeek, List<String>> openingHours,
                              Set<Service> services) {
    /** No address, phone or hours; every service. */
    public static final ProfileSettings DEFAULTS = new ProfileSettings("", "", Map.of(), EnumSet.allOf(Service.class));

    /** @throws IllegalArgumentException naming the key of the first field out of range */
    public ProfileSettings {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(phone, "phone");
        if (address.length() > 200) {
            throw new ConfigRules.KeyException("station.address", "is longer than 200 characters");
        }
        if (phone.length() > 40) {
            throw new ConfigRules.KeyException("station.phone", "is longer than 40 characters");
        }
        try {
            openingHours = OpeningHours.check(openingHours);
        } catch (IllegalArgumentException e) {
            throw new ConfigRules.KeyException("station.hours", e.getMessage());
        }
        services = services.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(services));
    }

    /**
     * @param text {@code station.services} value
     * @return the services
     * @throws IllegalArgumentException naming an unknown service
     */
    static Set<Service> services(String text) {
        Set<Service> s = EnumSet.noneOf(Service.class);
        for (String name : text.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            try {
                s.add(Service.valueOf(name.strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + name.strip() + "' is not a service (one of "
                        + Arrays.stream(Service.values()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
            }
        }
        return s;
    }

    /** @return the services in declaration order, as names */
    public List<String> serviceNames() {
        return services.stream().sorted().map(Enum::name).toList();
    }
}
