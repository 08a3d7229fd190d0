package org.warmstation.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The refusal for architecture a district reads a terminal's architecture from (decision 0295). */
class UpdateReportTest {
    private static final Instant AT = Instant.parse("2026-12-06T03:00:00Z");

    private static UpdateReport refused(String detail) {
        return new UpdateReport(UpdateReport.State.REFUSED, "0.2.0", detail, AT);
    }

    @Test
    void aRefusalForArchitectureNamesTheTerminalsArchitecture() {
        String detail = UpdateReport.wrongArchitecture("arm64", "armhf");
        assertEquals("the package is for arm64, this terminal is armhf: not downloaded", detail,
                "the wording of terminals since decision 0255");
        assertEquals(Optional.of("armhf"), refused(detail).refusingArchitecture());
    }

    @Test
    void anyOtherReportNamesNoArchitecture() {
        assertEquals(Optional.empty(), refused("version 0.2.0 is not higher than the installed 0.2.0")
                .refusingArchitecture());
        assertEquals(Optional.empty(), refused(null).refusingArchitecture());
        assertEquals(Optional.empty(), new UpdateReport(UpdateReport.State.FAILED, "0.2.0",
                UpdateReport.wrongArchitecture("arm64", "armhf"), AT).refusingArchitecture(), "only a refusal");
        assertEquals(Optional.empty(), refused(UpdateReport.wrongArchitecture("arm64", "ARM;DROP")).refusingArchitecture(),
                "not an architecture name");
        assertEquals(Optional.empty(), refused("x " + UpdateReport.wrongArchitecture("arm64", "armhf"))
                .refusingArchitecture(), "the whole detail, not a part of it");
    }
}
