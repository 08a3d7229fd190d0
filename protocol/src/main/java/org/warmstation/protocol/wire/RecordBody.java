package org.warmstation.protocol.wire;

/**
 * The kind-specific content of a {@link WireRecord}: a Java record whose canonical constructor
 * validates every field (throwing {@link IllegalArgumentException}, as the wire records do),
 * encoded as the record's JSON {@code body} object by {@link Wire}'s rules. Each kind's body type
 * is registered in {@link RecordTypes#standard()}.
 *
 * <p>{@link #kind()} is a plain method, not a JSON field (unless the body type makes it a record
 * component, which then must agree with the record's kind).
 */
public interface RecordBody {
    /** @return the kind of record this body belongs to */
    RecordKind kind();
}
