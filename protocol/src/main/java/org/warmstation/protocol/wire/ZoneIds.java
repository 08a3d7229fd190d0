package org.warmstation.protocol.wire;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link ZoneId#of(String)} with a cache of the ids already resolved: every visit names its
 * station's zone, and {@code ZoneId.of} checks the id's syntax and asks the zone rules provider
 * each time (about a tenth of the outbox read's time, decision 0250). Only ids that resolved are
 * cached, at most {@value #MAX_CACHED}, so hostile input cannot grow it. Thread-safe, non-blocking.
 */
public final class ZoneIds {
    /** Most ids kept; the IANA database has about 600, a station or district uses a handful. */
    static final int MAX_CACHED = 256;
    private static final Map<String, ZoneId> CACHE = new ConcurrentHashMap<>();

    private ZoneIds() {
    }

    /**
     * @param id a zone id, as {@link ZoneId#of(String)} takes it (e.g. {@code Asia/Shanghai})
     * @return the zone
     * @throws NullPointerException when {@code id} is null
     * @throws DateTimeException    when the id is malformed or names no known zone, as
     *                              {@link ZoneId#of(String)} does
     */
    public static ZoneId of(String id) {
        ZoneId zone = CACHE.get(id);
        if (zone != null) {
            return zone;
        }
        zone = ZoneId.of(id);
        if (CACHE.size() < MAX_CACHED) {
            CACHE.putIfAbsent(id, zone);
        }
        return zone;
    }

    /** @return how many ids are cached (tests) */
    static int cached() {
        return CACHE.size();
    }
}
