package org.warmstation.sync.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.warmstation.district.cards.CardRevocations;
import org.warmstation.district.cards.RevocationReason;
import org.warmstation.district.downlink.DownlinkRecord;
import org.warmstation.district.downlink.DownlinkSender;
import org.warmstation.protocol.card.CardToken;
import org.warmstation.protocol.card.CardVerdict;
import org.warmstation.protocol.card.CardVerifier;
import org.warmstation.protocol.card.DenyList;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.MemberCard;
import org.warmstation.protocol.card.RejectionReason;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.protocol.wire.DownlinkAck;
import org.warmstation.sync.FileDownlinkApplier;
import org.warmstation.sync.SyncAgent;
import org.warmstation.visitlog.store.SqliteVisitStore;
import org.warmstation.sync.testing.Await;
import org.warmstation.sync.testing.Backlog;
import org.warmstation.sync.testing.Stations;

/**
 * Issue 11, "done when" 1: a station is offline, a card is revoked at the district, the station
 * reconnects, and that card is rejected as revoked within 10 s of the reconnect; the district
 * shows the station's new deny-list version. Real agent (its deny list written by the
 * {@link FileDownlinkApplier} where the kiosk reads it), real Mosquitto, real district server on
 * embedded PostgreSQL. The broker is restarted while the station is offline, so the copy it queued
 * for the station's session is lost and only the district's re-send on the station's birth
 * (decision 0120) can deliver the new list.
 */
class RevocationE2eTest {
    private static final Duration LONG = Duration.ofSeconds(60);
    private static final Duration REQUIRED = Duration.ofSeconds(10);
    private static final DistrictKey KEY = DistrictKey.generate(Stations.DISTRICT);
    @RegisterExtension
    static final SyncE2e E2E = new SyncE2e(KEY);

    @Test
    void cardRevokedWhileTheStationIsOfflineIsRejectedSoonAfterItReconnects() throws Exception {
        String st = "revoke-e2e";
        Path dir = E2E.dir().resolve(st);
        try (SqliteVisitStore store = new SqliteVisitStore(dir)) {
            for (int i = 0; i < 3; i++) {
                store.record(Stations.visit(st, i)); // card serials 1..3: the district knows them from these visits
            }
        }
        long serial = 2;
        String card = card(serial);
        TrustList trust = new TrustList(Instant.parse("2026-01-01T00:00:00Z"), List.of(KEY.trustedKey()));
        assertInstanceOf(CardVerdict.Accepted.class, verify(dir, trust, card), "valid before the revocation");

        SyncAgent first = Stations.agent(Stations.config(E2E.broker().url(), st, dir).build(), KEY);
        first.start();
        Await.until(LONG, "visits stored and confirmed", () -> E2E.district().count() == 3 && Backlog.waiting(dir) == 0,
                () -> E2E.district().count() + " stored");
        first.stop();
        Await.until(LONG, "station offline at the district", () -> "OFFLINE".equals(status(st)), () -> status(st));

        CardRevocations.Result revoked = new CardRevocations(E2E.district().database(), Stations.DISTRICT)
                .revoke(serial, RevocationReason.LOST, "e2e", Instant.now());
        DownlinkSender sender = new DownlinkSender(E2E.district().database(), Stations.DISTRICT);
        Await.until(LONG, "new deny list sent while the station is offline",
                () -> newest(sender, st).firstSentAt() != null, () -> newest(sender, st));
        E2E.broker().restart(); // drops what the broker queued for the station's session
        Await.until(LONG, "district reconnected", E2E.district()::ready, () -> "not ready");
        assertInstanceOf(CardVerdict.Accepted.class, verify(dir, trust, card), "the offline station has not heard");

        SyncAgent second = Stations.agent(Stations.config(E2E.broker().url(), st, dir).build(), KEY);
        try {
            long start = System.nanoTime();
            second.start();
            Await.until(LONG, "reconnected", () -> second.status().connected(), second::status);
            long connected = System.nanoTime();
            Await.until(REQUIRED, "card rejected as revoked within 10 s of the reconnect",
                    () -> verify(dir, trust, card) instanceof CardVerdict.Rejected r && r.reason() == RejectionReason.REVOKED,
                    () -> verify(dir, trust, card));
            long rejected = System.nanoTime();
            System.out.printf("revocation e2e: connect %d ms after start; card rejected as revoked %d ms after the"
                    + " reconnect (limit %d ms)%n", (connected - start) / 1_000_000, (rejected - connected) / 1_000_000,
                    REQUIRED.toMillis());

            Await.until(LONG, "district shows the station's new deny-list version",
                    () -> heldVersion(st) == revoked.version(), () -> heldVersion(st));
            DownlinkRecord r = newest(sender, st);
            assertEquals(DownlinkAck.Outcome.APPLIED, r.outcome());
            assertEquals(revoked.version(), r.listVersion());
            assertTrue(r.sendCount() >= 2, "re-sent on the station's birth: sent " + r.sendCount() + " times");
        } finally {
            second.stop();
        }
    }

    private static String card(long serial) {
        MemberCard m = new MemberCard(Stations.DISTRICT, serial, MemberCard.MemberId.ofHex("00000000000000c2"),
                WorkerCategory.COURIER, LocalDate.of(2026, 1, 1), LocalDate.of(2030, 12, 31), KEY.keyId());
        return CardToken.sign(m, KEY.privateKey());
    }

    /** What the kiosk does at a scan: the verifier over the lists the agent wrote (CardLists re-reads them). */
    private static CardVerdict verify(Path dir, TrustList trust, String card) {
        Path deny = dir.resolve("downlinks").resolve(FileDownlinkApplier.DENY_LIST);
        DenyList list;
        try {
            list = Files.exists(deny) ? DenyList.parse(Files.readString(deny, StandardCharsets.UTF_8)) : DenyList.empty();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return new CardVerifier(trust, list, Set.of(Stations.DISTRICT), Stations.ZONE).verify(card, Instant.now());
    }

    private static DownlinkRecord newest(DownlinkSender sender, String station) {
        try {
            return sender.history(station, 1).getFirst();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String status(String station) {
        return query("SELECT status FROM station WHERE station_id = ?", station, rs -> rs.getString(1));
    }

    private static long heldVersion(String station) {
        Long v = query("SELECT coalesce(deny_list_version, 0) FROM station WHERE station_id = ?", station, rs -> rs.getLong(1));
        return v == null ? 0 : v;
    }

    private interface Column<T> {
        T get(ResultSet rs) throws SQLException;
    }

    private static <T> T query(String sql, String station, Column<T> column) {
        try (Connection c = E2E.district().database().connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, station);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? column.get(rs) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
