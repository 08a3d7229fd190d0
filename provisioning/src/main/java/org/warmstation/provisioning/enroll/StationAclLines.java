package org.warmstation.provisioning.enroll;

import java.util.ArrayList;
import java.util.List;
import org.warmstation.protocol.wire.Topics;

/**
 * The Mosquitto ACL lines of one station, in the form of {@code docs/deploy/warmstation.acl}'s
 * {@code pattern} lines written out for its username: write on the six topics it publishes,
 * read on the three it receives (topics: {@code docs/mqtt.md}).
 */
public final class StationAclLines {
    private StationAclLines() {
    }

    /**
     * @param topics the station's topics (district id and station id = its username)
     * @return {@code user ID} then one {@code topic read|write TOPIC} line per topic
     */
    public static List<String> of(Topics topics) {
        List<String> lines = new ArrayList<>();
        lines.add("user " + topics.station());
        for (Topics.Kind k : List.of(Topics.Kind.VISITS, Topics.Kind.STATUS, Topics.Kind.TELEMETRY,
                Topics.Kind.DOWNLINK_ACK, Topics.Kind.LEDGER, Topics.Kind.RECORDS)) {
            lines.add("topic write " + topics.topic(k));
        }
        lines.add("topic read " + topics.topic(Topics.Kind.ACK));
        lines.add("topic read " + topics.topic(Topics.Kind.DOWNLINK));
        lines.add("topic read " + topics.topic(Topics.Kind.RECORDS_ACK));
        return lines;
    }
}
