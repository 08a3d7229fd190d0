package org.warmstation.sync;

import java.util.Optional;

/**
 * Small durable key/value state of the agent (last applied downlink per kind). Implementations
 * are thread-safe; methods may block on storage.
 */
public interface SyncState {
    /**
     * @param key the key
     * @return its value, if set
     * @throws org.warmstation.visitlog.domain.VisitStore.StoreException when storage fails
     */
    Optional<String> get(String key);

    /**
     * Sets a value durably.
     *
     * @param key   the key
     * @param value the value
     * @throws org.warmstation.visitlog.domain.VisitStore.StoreException when storage fails
     */
    void put(String key, String value);
}
