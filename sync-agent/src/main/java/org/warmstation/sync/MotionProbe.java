package org.warmstation.sync;

import java.util.OptionalLong;

/**
 * The motion (PIR) sensor's entry counter read for the heartbeat; called on the agent's thread,
 * must not block long.
 */
@FunctionalInterface
public interface MotionProbe {
    /** @return entries counted since the station's local midnight, or empty when there is no count now */
    OptionalLong entriesToday();
}
