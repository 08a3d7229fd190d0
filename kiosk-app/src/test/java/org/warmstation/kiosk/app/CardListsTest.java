package org.warmstation.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.kiosk.demo.DemoStation;
import org.warmstation.protocol.card.CardVerdict;
import org.warmstation.protocol.card.DenyList;
import org.warmstation.protocol.card.RejectionReason;

/** The trust and deny-list files as the sync agent replaces them. */
class CardListsTest {
    private static final Instant NOW = Instant.parse("2026-11-21T04:00:00Z");

    @TempDir
    Path dir;

    @Test
    void replacedDenyListIsReadAgainAndCorruptOneKeepsTheOldLists() throws Exception {
        DemoStation demo = DemoStation.prepare(dir, LocalDate.of(2026, 11, 21));
        Path trust = dir.resolve("trust-list.txt");
        Path deny = dir.resolve("deny-list.txt");
        CardLists lists = new CardLists(trust, Optional.of(deny), DemoStation.DISTRICT, DemoStation.ZONE);
        String courier = demo.card("courier").qrText();
        assertInstanceOf(CardVerdict.Accepted.class, lists.get().verify(courier, NOW));

        Files.writeString(deny, DenyList.empty().with(DemoStation.DISTRICT, 1001).format());
        Files.setLastModifiedTime(deny, FileTime.from(Instant.now().plusSeconds(5)));
        assertEquals(RejectionReason.REVOKED, ((CardVerdict.Rejected) lists.get().verify(courier, NOW)).reason());

        Files.writeString(deny, "not a deny list\n");
        Files.setLastModifiedTime(deny, FileTime.from(Instant.now().plusSeconds(10)));
        assertEquals(RejectionReason.REVOKED, ((CardVerdict.Rejected) lists.get().verify(courier, NOW)).reason());
    }

    @Test
    void missingTrustListGivesNoVerifier() {
        CardLists lists = new CardLists(dir.resolve("absent.txt"), Optional.empty(), DemoStation.DISTRICT, DemoStation.ZONE);
        assertNull(lists.get());
    }
}
