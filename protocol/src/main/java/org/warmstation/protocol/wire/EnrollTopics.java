package org.warmstation.protocol.wire;

import java.util.Optional;

/**
 * Broker account and topics of the one-time enrollment handshake (decision 0181). A terminal that
 * scanned an enrollment code connects as the enrollment account {@code enroll.<station>} with the
 * code's credential (never as the station itself), publishes its {@link EnrollRequest} on
 * {@code ws/v1/<district>/enroll.<station>/enroll} and reads the {@link EnrollReply} on
 * {@code ws/v1/<district>/enroll.<station>/enroll-reply}. The dot keeps the account out of every
 * station topic: {@link Topics#parse} refuses it as a station id. The broker's ACL grants these two
 * topics by pattern ({@code %u}), so an enrollment account reaches nothing else that the district
 * reads. Stateless.
 */
public final class EnrollTopics {
    /** Prefix of an enrollment account's username. */
    public static final String ACCOUNT_PREFIX = "enroll.";
    /** Last topic level of a request. */
    public static final String REQUEST_LEVEL = "enroll";
    /** Last topic level of a reply. */
    public static final String REPLY_LEVEL = "enroll-reply";

    private EnrollTopics() {
    }

    /**
     * @param station the station id
     * @return the broker username of the station's enrollment account, e.g. {@code enroll.CY-0042}
     * @throws IllegalArgumentException when the station id is not valid
     */
    public static String account(String station) {
        return ACCOUNT_PREFIX + Check.station(station);
    }

    /**
     * @param district the district
     * @param station  the station
     * @return the topic the terminal publishes its request on
     */
    public static String request(int district, String station) {
        return Topics.PREFIX + Check.district(district) + "/" + account(station) + "/" + REQUEST_LEVEL;
    }

    /**
     * @param district the district
     * @param station  the station
     * @return the topic the district answers on
     */
    public static String reply(int district, String station) {
        return Topics.PREFIX + Check.district(district) + "/" + account(station) + "/" + REPLY_LEVEL;
    }

    /**
     * @param district the district
     * @param group    the share group of the district's instances
     * @return the district's shared subscription to every request, e.g.
     *         {@code $share/district/ws/v1/110105/+/enroll}
     */
    public static String sharedRequestFilter(int district, String group) {
        return "$share/" + group + "/" + Topics.PREFIX + Check.district(district) + "/+/" + REQUEST_LEVEL;
    }

    /**
     * @param topic a topic as received
     * @return the station whose enrollment account published on it (the account is the level the
     *         broker's ACL ties to the username), or empty when it is not a request topic of an
     *         enrollment account
     */
    public static Optional<String> requestingStation(String topic) {
        if (topic == null || !topic.startsWith(Topics.PREFIX)) {
            return Optional.empty();
        }
        String[] f = topic.substring(Topics.PREFIX.length()).split("/", -1);
        if (f.length != 3 || !REQUEST_LEVEL.equals(f[2]) || !f[1].startsWith(ACCOUNT_PREFIX)) {
            return Optional.empty();
        }
        String station = f[1].substring(ACCOUNT_PREFIX.length());
        return Check.STATION_ID.matcher(station).matches() ? Optional.of(station) : Optional.empty();
    }
}
