package org.warmstation.sync.downlink;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verified downlinks dated ahead of an unsynced station clock, held unanswered until the station
 * knows the time (decision 0187): a terminal that booted "in 2019" cannot tell a district clock
 * that runs ahead from its own that runs behind. At most {@code max} are held, by command id (a
 * re-send replaces its copy); beyond that the oldest is dropped, and the district sends it again at
 * the station's next birth since it was never answered. Thread-safe (used on the agent's thread,
 * counted from others).
 */
final class HeldDownlinks {
    private static final Logger log = LoggerFactory.getLogger(HeldDownlinks.class);

    private record Held(Instant issuedAt, byte[] payload) {
    }

    private final int max;
    private final Map<UUID, Held> held = new LinkedHashMap<>();

    /** @param max the most commands held */
    HeldDownlinks(int max) {
        this.max = max;
    }

    /**
     * @param id       the command id
     * @param issuedAt when the district issued it
     * @param payload  the downlink as received, handled again once due
     */
    synchronized void hold(UUID id, Instant issuedAt, byte[] payload) {
        held.remove(id);
        held.put(id, new Held(issuedAt, payload.clone()));
        if (held.size() > max) {
            Iterator<Map.Entry<UUID, Held>> oldest = held.entrySet().iterator();
            UUID dropped = oldest.next().getKey();
            oldest.remove();
            log.warn("downlink {} no longer held ({} held at most); the district re-sends it at the next connect",
                    dropped, max);
        }
    }

    /**
     * Removes and returns the commands to decide now: all of them once the clock is synced, else
     * those issued no later than {@code latestAllowed}.
     *
     * @param latestAllowed the station's best time plus the allowed lead
     * @param synced        whether the station clock is synced
     * @return the payloads, oldest held first
     */
    synchronized List<byte[]> due(Instant latestAllowed, boolean synced) {
        List<byte[]> out = new ArrayList<>();
        for (Iterator<Held> it = held.values().iterator(); it.hasNext(); ) {
            Held h = it.next();
            if (synced || !h.issuedAt().isAfter(latestAllowed)) {
                out.add(h.payload());
                it.remove();
            }
        }
        return out;
    }

    /** @return how many are held */
    synchronized int size() {
        return held.size();
    }
}
