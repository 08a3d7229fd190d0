package org.warmstation.protocol.wire;

import java.time.Instant;
import java.util.Objects;

/**
 * A station's connection state, station to district on {@code ws/v1/{district}/{station}/status}
 * at QoS 1, retained (schema {@code docs/schemas/status.schema.json}). The station publishes
 * {@code ONLINE} (its birth message) after each connect and registers {@code OFFLINE} as its last
 * will, which the broker publishes when the connection is lost without a clean disconnect.
 *
 * @param schema     always {@link #SCHEMA}
 * @param district   the district
 * @param station    the station
 * @param state      online or offline
 * @param appVersion the terminal software version
 * @param since      when the connection was made (for a will: when it was registered)
 * @param stationKey Base64 X.509 of the station's Ed25519 public key that signs its
 *                   {@link DaySummary}s, or null when not yet created
 * @param profile    the station's name, address, position, opening hours and services (in the
 *                   birth message), or null (in a last will, and from terminals before issue 9:
 *                   the field is optional, so their messages still decode)
 * @param heartbeatSeconds the station's telemetry interval in seconds (1..3600), or null when not
 *                   sent; the district derives the "quiet" threshold from it
 * @param lists      the deny- and trust-list versions the station holds (in the birth message), or
 *                   null (a last will, a terminal before issue 11)
 * @param update     where the station's latest software update stands (issue 15), or null (none
 *                   offered yet, a last will, a terminal before issue 15)
 * @param architecture the terminal's Debian architecture as {@code dpkg --print-architecture}
 *                   prints it (e.g. {@code arm64}), in the birth message: the district offers it
 *                   the release built for it (decision 0285); null when unknown, in a last will,
 *                   or from a terminal before decision 0285
 */
public record StationStatus(String schema, int district, String station, State state, String appVersion,
                            Instant since, String stationKey, StationProfile profile, Integer heartbeatSeconds,
                            HeldLists lists, UpdateReport update, String architecture) {
    /** Schema name and version. */
    public static final String SCHEMA = "ws.status/1";

    /** Connection state. */
    public enum State {
        /** Connected (birth message). */
        ONLINE,
        /** Connection lost or closed (last will, or published before a clean disconnect). */
        OFFLINE
    }

    /** @throws IllegalArgumentException naming the first invalid field */
    public StationStatus {
        Check.schema(schema, SCHEMA);
        Check.district(district);
        Check.station(station);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(appVersion, "appVersion");
        Check.text("appVersion", appVersion, 64);
        Objects.requireNonNull(since, "since");
        Check.text("stationKey", stationKey, 200);
        if (heartbeatSeconds != null && (heartbeatSeconds < 1 || heartbeatSeconds > 3600)) {
            throw new IllegalArgumentException("heartbeatSeconds must be 1..3600: " + heartbeatSeconds);
        }
        if (architecture != null && !UpdateManifest.ARCHITECTURE.matcher(architecture).matches()) {
            throw new IllegalArgumentException("architecture must be a Debian architecture name: '"
                    + Check.abbreviate(architecture) + "'");
        }
    }

    /**
     * A status without the architecture (a terminal before decision 0285).
     *
     * @throws IllegalArgumentException naming the first invalid field
     */
    public StationStatus(String schema, int district, String station, State state, String appVersion,
                         Instant since, String stationKey, StationProfile profile, Integer heartbeatSeconds,
                         HeldLists lists, UpdateReport update) {
        this(schema, district, station, state, appVersion, since, stationKey, profile, heartbeatSeconds, lists, update,
                null);
    }

    /**
     * A status without an update report (a terminal before issue 15).
     *
     * @throws IllegalArgumentException naming the first invalid field
     */
    public StationStatus(String schema, int district, String station, State state, String appVersion,
                         Instant since, String stationKey, StationProfile profile, Integer heartbeatSeconds,
                         HeldLists lists) {
        this(schema, district, station, state, appVersion, since, stationKey, profile, heartbeatSeconds, lists, null);
    }

    /**
     * A status without the lists held (a terminal before issue 11).
     *
     * @throws IllegalArgumentException naming the first invalid field
     */
    public StationStatus(String schema, int district, String station, State state, String appVersion,
                         Instant since, String stationKey, StationProfile profile, Integer heartbeatSeconds) {
        this(schema, district, station, state, appVersion, since, stationKey, profile, heartbeatSeconds, null, null);
    }

    /**
     * A status without profile and heartbeat interval (a last will, or a terminal before issue 9).
     *
     * @throws IllegalArgumentException naming the first invalid field
     */
    public StationStatus(String schema, int district, String station, State state, String appVersion,
                         Instant since, String stationKey) {
        this(schema, district, station, state, appVersion, since, stationKey, null, null, null, null);
    }
}
