package org.warmstation.protocol.wire;

import java.time.Instant;
import java.util.Objects;

/**
 * A station's heartbeat, station to district on {@code ws/v1/{district}/{station}/telemetry} at
 * QoS 0, every heartbeat interval (schema {@code docs/schemas/telemetry.schema.json}). Telemetry
 * may be dropped, oldest first, when the station cannot send it; visits never are.
 *
 * @param schema                   always {@link #SCHEMA}
 * @param district                 the district
 * @param station                  the station
 * @param sentAt                   when it was taken (station clock)
 * @param appVersion               terminal software version
 * @param uptimeSeconds            seconds since the terminal software started
 * @param queueDepth               visits in the outbox not yet confirmed by the district
 * @param oldestUnsyncedAgeSeconds age of the oldest unconfirmed visit in seconds, or null when none
 * @param lastConfirmedSeq         highest seq confirmed by the district (0 when none)
 * @param diskFreeBytes            free bytes on the visit log's file system
 * @param diskWarning              whether the free space is below the warning threshold
 * @param clockSynced              whether the wall clock is NTP-synced
 * @param temperatureCelsius       room temperature from the station's ambient sensor in degrees
 *                                 Celsius, or null without a sensor or reading
 * @param telemetryDropped         heartbeats dropped so far because the queue was full
 * @param motionEntriesToday       people the motion (PIR) sensor counted entering since local
 *                                 midnight, or null without a sensor
 * @param motionEntriesLastHour    of those, the ones in the hour before {@code sentAt} (as far
 *                                 as the station has seen; see docs/mqtt.md), or null without a
 *                                 sensor
 * @param lists                    the deny- and trust-list versions the station holds, or null (a
 *                                 terminal before issue 11)
 * @param update                   where the station's latest software update stands (issue 15),
 *                                 or null (none offered yet, a terminal before issue 15)
 */
public record Telemetry(String schema, int district, String station, Instant sentAt, String appVersion,
                        long uptimeSeconds, long queueDepth, Long oldestUnsyncedAgeSeconds, long lastConfirmedSeq,
                        long diskFreeBytes, boolean diskWarning, boolean clockSynced, Double temperatureCelsius,
                        long telemetryDropped, Long motionEntriesToday, Long motionEntriesLastHour, HeldLists lists,
                        UpdateReport update) {
    /** Schema name and version. */
    public static final String SCHEMA = "ws.telemetry/1";

    /** @throws IllegalArgumentException naming the first invalid field */
    public Telemetry {
        Check.schema(schema, SCHEMA);
        Check.district(district);
        Check.station(station);
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(appVersion, "appVersion");
        Check.text("appVersion", appVersion, 64);
        Check.nonNegative("uptimeSeconds", uptimeSeconds);
        Check.nonNegative("queueDepth", queueDepth);
        if (oldestUnsyncedAgeSeconds != null) {
            Check.nonNegative("oldestUnsyncedAgeSeconds", oldestUnsyncedAgeSeconds);
        }
        Check.nonNegative("lastConfirmedSeq", lastConfirmedSeq);
        Check.nonNegative("diskFreeBytes", diskFreeBytes);
        if (temperatureCelsius != null && (temperatureCelsius.isNaN() || Math.abs(temperatureCelsius) > 200)) {
            throw new IllegalArgumentException("temperatureCelsius out of range: " + temperatureCelsius);
        }
        Check.nonNegative("telemetryDropped", telemetryDropped);
        if (motionEntriesToday != null) {
            Check.nonNegative("motionEntriesToday", motionEntriesToday);
        }
        if (motionEntriesLastHour != null) {
            Check.nonNegative("motionEntriesLastHour", motionEntriesLastHour);
        }
    }

    /**
     * A heartbeat without an update report (a terminal before issue 15).
     *
     * @throws IllegalArgumentException naming the first invalid field
     */
    public Telemetry(String schema, int district, String station, Instant sentAt, String appVersion,
                     long uptimeSeconds, long queueDepth, Long oldestUnsyncedAgeSeconds, long lastConfirmedSeq,
                     long diskFreeBytes, boolean diskWarning, boolean clockSynced, Double temperatureCelsius,
                     long telemetryDropped, Long motionEntriesToday, Long motionEntriesLastHour, HeldLists lists) {
        this(schema, district, station, sentAt, appVersion, uptimeSeconds, queueDepth, oldestUnsyncedAgeSeconds,
                lastConfirmedSeq, diskFreeBytes, diskWarning, clockSynced, temperatureCelsius, telemetryDropped,
                motionEntriesToday, motionEntriesLastHour, lists, null);
    }

    /**
     * A heartbeat without the lists held (a terminal before issue 11).
     *
     * @throws IllegalArgumentException naming the first invalid field
     */
    public Telemetry(String schema, int district, String station, Instant sentAt, String appVersion,
                     long uptimeSeconds, long queueDepth, Long oldestUnsyncedAgeSeconds, long lastConfirmedSeq,
                     long diskFreeBytes, boolean diskWarning, boolean clockSynced, Double temperatureCelsius,
                     long telemetryDropped, Long motionEntriesToday, Long motionEntriesLastHour) {
        this(schema, district, station, sentAt, appVersion, uptimeSeconds, queueDepth, oldestUnsyncedAgeSeconds,
                lastConfirmedSeq, diskFreeBytes, diskWarning, clockSynced, temperatureCelsius, telemetryDropped,
                motionEntriesToday, motionEntriesLastHour, null, null);
    }

    /**
     * A heartbeat without motion-sensor counts (a station without a PIR sensor, or before issue 9).
     *
     * @throws IllegalArgumentException naming the first invalid field
     */
    public Telemetry(String schema, int district, String station, Instant sentAt, String appVersion,
                     long uptimeSeconds, long queueDepth, Long oldestUnsyncedAgeSeconds, long lastConfirmedSeq,
                     long diskFreeBytes, boolean diskWarning, boolean clockSynced, Double temperatureCelsius,
                     long telemetryDropped) {
        this(schema, district, station, sentAt, appVersion, uptimeSeconds, queueDepth, oldestUnsyncedAgeSeconds,
                lastConfirmedSeq, diskFreeBytes, diskWarning, clockSynced, temperatureCelsius, telemetryDropped,
                null, null, null);
    }
}
