package org.warmstation.visitlog.outbox;

import java.util.EnumMap;
import java.util.Map;
import org.warmstation.protocol.wire.RecordBody;
import org.warmstation.protocol.wire.RecordKind;
import org.warmstation.protocol.wire.RecordTypes;

/**
 * A generic body for the storage layer's tests, registered for every kind but visits (the outbox
 * stores bodies as validated JSON, so the contract does not depend on the kinds' real bodies,
 * some of which arrive only with issue 12).
 *
 * @param kind the kind it claims
 * @param note a non-blank note
 */
public record TestBody(RecordKind kind, String note) implements RecordBody {
    /** Every kind but VISIT with this body. */
    public static final RecordTypes TYPES = RecordTypes.of(every());

    /** @throws IllegalArgumentException for a blank note */
    public TestBody {
        if (note == null || note.isBlank()) {
            throw new IllegalArgumentException("note must not be blank");
        }
    }

    private static Map<RecordKind, Class<? extends RecordBody>> every() {
        Map<RecordKind, Class<? extends RecordBody>> m = new EnumMap<>(RecordKind.class);
        for (RecordKind k : RecordKind.values()) {
            if (k != RecordKind.VISIT) {
                m.put(k, TestBody.class);
            }
        }
        return m;
    }
}
