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

    /** @return a state held in memory only (for simulated stations) */
    static SyncState inMemory() {
        java.util.concurrent.ConcurrentHashMap<String, String> map = new java.util.concurrent.ConcurrentHashMap<>();
        return new SyncState() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(map.get(key));
            }

            @Override
            public void put(String key, String value) {
                map.put(key, value);
            }
        };
    }
}
