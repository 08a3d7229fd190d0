package org.warmstation.visitlog.outbox;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.warmstation.protocol.wire.WireVisit;

class InMemoryOutboxTest extends OutboxContractTest {
    @Override
    protected Station openStation(Path dir) {
        InMemoryOutbox box = new InMemoryOutbox();
        return new Station() {
            private long seq;

            @Override
            public Outbox outbox() {
                return box;
            }

            @Override
            public UUID record(boolean guest) {
                UUID id = UUID.randomUUID();
                box.append(new WireVisit(id, ++seq, 1, T0, "Asia/Shanghai", guest ? null : "0011223344556677",
                        guest ? 0 : 42, "COURIER", List.of(), guest ? "GUEST" : "CARD", true, 1000), T0);
                return id;
            }

            @Override
            public void changeServices(UUID visit, List<String> services) {
                box.revise(visit, services);
            }

            @Override
            public void close() {
                box.close();
            }
        };
    }
}
