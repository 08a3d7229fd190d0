package org.warmstation.visitlog.outbox;

import java.nio.file.Path;
import java.time.InstantSource;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.warmstation.protocol.wire.RecordKind;
import org.warmstation.visitlog.records.RecordLog;

/** The record contract, for every kind but visits, against the in-memory record outbox. */
@ParameterizedClass
@EnumSource(value = RecordKind.class, names = "VISIT", mode = EnumSource.Mode.EXCLUDE)
class InMemoryRecordOutboxTest extends RecordOutboxContractTest {
    @Override
    protected RecordStation openStation(Path dir) {
        InMemoryRecordOutbox box = new InMemoryRecordOutbox(kind, TestBody.TYPES, InstantSource.fixed(T0));
        return new RecordStation() {
            @Override
            public RecordOutbox outbox() {
                return box;
            }

            @Override
            public RecordLog log() {
                return box;
            }

            @Override
            public void close() {
                box.close();
            }
        };
    }
}
