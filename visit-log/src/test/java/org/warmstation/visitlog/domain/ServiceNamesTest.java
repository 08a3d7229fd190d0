package org.warmstation.visitlog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.warmstation.protocol.wire.StationSettings;

/** The district checks settings against the wire's service names; they must be the kiosk's services. */
class ServiceNamesTest {
    @Test
    void wireServiceNamesAreTheKioskServicesInOrder() {
        assertEquals(Arrays.stream(Service.values()).map(Enum::name).toList(), StationSettings.SERVICES);
    }
}
