package org.warmstation.kiosk.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.protocol.card.StaffPin;
import org.warmstation.protocol.wire.Neighbours;
import org.warmstation.protocol.wire.StationHours;
import org.warmstation.protocol.wire.StationSettings;
import org.warmstation.visitlog.domain.Service;

/**
 * The station settings the district sent (duplicate window, services offered, idle-screen
 * announcement, opening hours, cold alert, staff PIN, loans, supplies, voice prompts), read from the JSON file the sync agent
 * writes atomically ({@code station-settings.json} in the data directory), and the district's
 * nearest stations from {@value #NEIGHBOURS} beside it; each read again whenever its modification
 * time or size changes (a {@link WatchedWireFile}). No file means no district settings: the
 * configuration's values apply. Thread-safe; each call does one file stat (blocks briefly).
 */
public final class StationSettingsFile {
    /** The neighbour list's file name beside the settings file (the sync agent's {@code FileDownlinkApplier.NEIGHBOURS}). */
    public static final String NEIGHBOURS = "neighbours.json";
    private static final Logger LOG = LoggerFactory.getLogger(StationSettingsFile.class);

    private final WatchedWireFile<StationSettings> settings;
    private final WatchedWireFile<Neighbours> neighbours;

    /** @param file the settings file; it need not exist yet */
    public StationSettingsFile(Path file) {
        this.settings = new WatchedWireFile<>(file, StationSettings.class, s -> LOG.info(
                "station settings v{} from the district: duplicate window {}, {} services, announcement {}, hours {}, "
                        + "cold alert {}, staff PIN {}, voice {}/{} %/quiet {}", s.version(), s.duplicateWindow(),
                s.enabledServices().size(), s.announcement() == null ? "none" : "set", s.hours().limited() ? "set" : "none",
                s.coldAlert().map(c -> c + " °C").orElse("configured"), s.staffPin() == null ? "configured" : "set",
                own(s.voiceEnabled()), own(s.voiceVolumePercent()), own(s.voiceQuietHours())));
        this.neighbours = new WatchedWireFile<>(file.toAbsolutePath().resolveSibling(NEIGHBOURS), Neighbours.class,
                n -> LOG.info("{} neighbour stations from the district", n.stations().size()));
    }

    private static Object own(Object districtValue) {
        return districtValue == null ? "configured" : districtValue;
    }

    /** @return the district's settings, or empty when none were received */
    public Optional<StationSettings> current() {
        return settings.current();
    }

    /** @return the district's nearest stations; none when none were received */
    public Neighbours neighbours() {
        return neighbours.current().orElse(new Neighbours(null));
    }

    /** @return the district's opening hours; {@link StationHours#ALWAYS} when none were received */
    public StationHours hours() {
        return current().map(StationSettings::hours).orElse(StationHours.ALWAYS);
    }

    /** @return the district's supply items and rating switch; the default six items, ratings on, when it set none */
    public org.warmstation.protocol.wire.SupplySettings supplies() {
        return current().flatMap(StationSettings::supplySettings)
                .orElse(org.warmstation.protocol.wire.SupplySettings.DEFAULT);
    }

    /**
     * @param configured the station's {@code voice.*} configuration
     * @return the voice settings that apply: the district's on/off, volume and quiet hours where it
     *         set them, else the configured ones (read anew each call: a new document applies at the
     *         next prompt, no restart)
     */
    public org.warmstation.kiosk.config.VoiceSettings voice(org.warmstation.kiosk.config.VoiceSettings configured) {
        return current().map(s -> configured.over(s.voiceEnabled(), s.voiceVolumePercent(), s.voiceQuietHours()))
                .orElse(configured);
    }

    /** @return the staff PIN the district set, if it did */
    public Optional<StaffPin> staffPin() {
        return current().map(StationSettings::staffPin).map(StaffPin::parse);
    }

    /**
     * @param fallback the configured window
     * @return the district's duplicate window when it sent a positive one, else {@code fallback}
     */
    public Duration duplicateWindow(Duration fallback) {
        return current().map(StationSettings::duplicateWindow).filter(d -> !d.isZero()).orElse(fallback);
    }

    /**
     * @param s settings
     * @return the kiosk services they name (unknown names are skipped); all when none is known
     */
    public static Set<Service> services(StationSettings s) {
        EnumSet<Service> set = EnumSet.noneOf(Service.class);
        for (String name : s.enabledServices()) {
            try {
                set.add(Service.valueOf(name));
            } catch (IllegalArgumentException e) {
                LOG.warn("station settings name an unknown service '{}'; skipped", name);
            }
        }
        return set.isEmpty() ? EnumSet.allOf(Service.class) : set;
    }
}
