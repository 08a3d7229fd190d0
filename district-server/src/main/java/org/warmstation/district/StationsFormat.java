package org.warmstation.district;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.warmstation.district.db.StationStore.StationRow;
import org.warmstation.district.fleet.FleetSettings;
import org.warmstation.district.fleet.StationState;
import org.warmstation.district.fleet.StationStates;

/** Renders the station list of {@code district-server stations}. Pure functions. */
final class StationsFormat {
    private StationsFormat() {
    }

    /**
     * @param rows     the stations
     * @param now      the district clock, for heartbeat ages and the quiet state
     * @param settings the quiet threshold
     * @return one line per station under a header (state ONLINE, QUIET, OFFLINE or UNKNOWN), or a
     *         note when there are none
     */
    static String text(List<StationRow> rows, Instant now, FleetSettings settings) {
        if (rows.isEmpty()) {
            return "no stations have connected yet\n";
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-8s %-20s %-8s %-22s %8s %10s %12s %s%n",
                "district", "station", "state", "last heartbeat", "waiting", "stored", "contiguous", "version"));
        for (StationRow r : rows) {
            String hb = r.lastHeartbeat() == null ? "never" : ago(Duration.between(r.lastHeartbeat(), now));
            StationState state = StationStates.judge(r.status(), r.statusAt(), r.lastMessage(), r.heartbeat(), now,
                    settings).state();
            sb.append(String.format(Locale.ROOT, "%-8d %-20s %-8s %-22s %8s %10d %12d %s%n", r.district(), r.station(),
                    state, hb, r.queueDepth() == null ? "?" : r.queueDepth().toString(), r.storedVisits(),
                    r.contiguousSeq(), r.appVersion() == null ? "" : r.appVersion()));
        }
        return sb.toString();
    }

    private static String ago(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 120) {
            return s + " s ago";
        }
        if (s < 7200) {
            return s / 60 + " min ago";
        }
        return s / 3600 + " h ago";
    }
}
