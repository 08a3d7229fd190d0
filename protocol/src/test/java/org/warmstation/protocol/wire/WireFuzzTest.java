package org.warmstation.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Fuzz test of every MQTT wire format (issue 13 item 7, decision 0160): any payload decodes into
 * each message type or fails with {@link WireFormatException}, never another exception; what
 * decodes encodes again and decodes again (a station never forwards what the district refuses).
 */
class WireFuzzTest {
    static final List<Class<?>> TYPES = List.of(VisitBatch.class, VisitAck.class, StationStatus.class,
            Telemetry.class, Downlink.class, DownlinkCommand.class, DownlinkAck.class, DaySummary.class,
            RecordBatch.class, RecordAck.class, StationSettings.class, WireTicket.class, WireSupply.class,
            WireLoan.class, WireRating.class, EnrollRequest.class, EnrollReply.class);

    @FuzzTest(maxDuration = "6s")
    void everyWireFormat(byte[] payload) {
        for (Class<?> type : TYPES) {
            Object decoded;
            try {
                decoded = Wire.decode(payload, type);
            } catch (WireFormatException refused) {
                continue; // the one documented failure
            }
            assertNotNull(decoded);
            assertNotNull(Wire.decode(Wire.encode(decoded), type), type.getSimpleName());
        }
    }
}
