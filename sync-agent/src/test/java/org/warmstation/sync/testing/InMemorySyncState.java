package org.warmstation.sync.testing;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.warmstation.sync.SyncState;

/** A {@link SyncState} held in memory only, for simulated stations. Thread-safe. */
public final class InMemorySyncState implements SyncState {
    private final ConcurrentHashMap<String, String> map = new ConcurrentHashMap<>();

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(map.get(key));
    }

    @Override
    public void put(String key, String value) {
        map.put(key, value);
    }
}
