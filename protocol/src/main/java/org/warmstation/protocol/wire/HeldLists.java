package org.warmstation.protocol.wire;

import java.time.Duration;
import java.time.Instant;

/**
 * The deny- and trust-list versions a station holds and when it received them, reported in its
 * status (birth) and every heartbeat (issue 11), so the district sees which stations lag behind.
 *
 * @param denyVersion     version of the deny list in force (0: unversioned, e.g. installed by hand)
 * @param denyReceivedAt  when the station received it (its file's time), or null when it has none
 * @param trustVersion    version of the trust list in force (0: unversioned)
 * @param trustReceivedAt when the station received it, or null when unknown
 */
public record HeldLists(long denyVersion, Instant denyReceivedAt, long trustVersion, Instant trustReceivedAt) {
    /** How old a list may be before the station and the district flag it. */
    public static final Duration STALE_AFTER = Duration.ofHours(24);

    /** @throws IllegalArgumentException when a version is negative */
    public HeldLists {
        Check.nonNegative("denyVersion", denyVersion);
        Check.nonNegative("trustVersion", trustVersion);
    }

    /**
     * Whether a list was received longer than {@link #STALE_AFTER} ago (or never): the station has
     * not heard from the district about its lists for a day, so a revocation may be missing.
     *
     * @param receivedAt when the list was received, or null
     * @param now        the current time
     * @return whether it is stale
     */
    public static boolean stale(Instant receivedAt, Instant now) {
        return receivedAt == null || receivedAt.plus(STALE_AFTER).isBefore(now);
    }

    /**
     * @param now the current time
     * @return whether either list is stale
     */
    public boolean anyStale(Instant now) {
        return stale(denyReceivedAt, now) || stale(trustReceivedAt, now);
    }
}
