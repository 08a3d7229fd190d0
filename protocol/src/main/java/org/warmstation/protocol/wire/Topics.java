package org.warmstation.protocol.wire;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * MQTT topic names of the sync ({@code docs/mqtt.md}): {@code ws/v1/{district}/{station}/{kind}},
 * where district is the decimal district id and station the station id (one topic level).
 *
 * @param district the district id
 * @param station  the station id
 */
public record Topics(int district, String station) {
    /** First two topic levels, the version of the topic tree. */
    public static final String PREFIX = "ws/v1/";

    /** The topic kinds, with their direction and MQTT properties. */
    public enum Kind {
        /** Station to district: {@link VisitBatch}, QoS 1, not retained. */
        VISITS("visits"),
        /** District to station: {@link VisitAck}, QoS 1. */
        ACK("ack"),
        /** Station to district: {@link StationStatus}, QoS 1, retained (birth and last will). */
        STATUS("status"),
        /** Station to district: {@link Telemetry}, QoS 0. */
        TELEMETRY("telemetry"),
        /** District to station: {@link Downlink}, QoS 1. */
        DOWNLINK("downlink"),
        /** Station to district: {@link DownlinkAck}, QoS 1. */
        DOWNLINK_ACK("downlink-ack"),
        /** Station to district: {@link DaySummary}, QoS 1. */
        LEDGER("ledger"),
        /** Station to district: {@link RecordBatch} (records other than visits), QoS 1, not retained. */
        RECORDS("records"),
        /** District to station: {@link RecordAck}, QoS 1. */
        RECORDS_ACK("records-ack");

        private final String level;

        Kind(String level) {
            this.level = level;
        }

        /** @return the last topic level, e.g. {@code downlink-ack} */
        public String level() {
            return level;
        }
    }

    /**
     * @throws IllegalArgumentException when the district is out of range or the station id is not
     *                                  a valid topic level
     */
    public Topics {
        Check.district(district);
        Check.station(station);
    }

    /**
     * @param kind the kind
     * @return the full topic, e.g. {@code ws/v1/110105/dc-0042/visits}
     */
    public String topic(Kind kind) {
        return PREFIX + district + "/" + station + "/" + kind.level();
    }

    /**
     * The district's shared subscription filter for one kind over all its stations, e.g.
     * {@code $share/district/ws/v1/110105/+/visits}.
     *
     * @param district the district
     * @param group    share group name
     * @param kind     the kind
     * @return the filter
     */
    public static String sharedFilter(int district, String group, Kind kind) {
        Check.district(district);
        return "$share/" + Objects.requireNonNull(group, "group") + "/" + PREFIX + district + "/+/" + kind.level();
    }

    /**
     * A parsed topic name.
     *
     * @param topics district and station
     * @param kind   the kind
     */
    public record Parsed(Topics topics, Kind kind) {
    }

    /**
     * Parses a topic name.
     *
     * @param topic a topic as received
     * @return the district, station and kind, or empty when it is not one of the sync's topics
     */
    public static Optional<Parsed> parse(String topic) {
        if (topic == null || !topic.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] f = topic.substring(PREFIX.length()).split("/", -1);
        if (f.length != 3) {
            return Optional.empty();
        }
        try {
            int district = Integer.parseInt(f[0]);
            String level = f[2];
            for (Kind k : Kind.values()) {
                if (k.level.equals(level)) {
                    return Optional.of(new Parsed(new Topics(district, f[1]), k));
                }
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s%d/%s", PREFIX, district, station);
    }
}
