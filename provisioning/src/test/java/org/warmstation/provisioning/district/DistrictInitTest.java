package org.warmstation.provisioning.district;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Signature;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.protocol.card.CardToken;
import org.warmstation.protocol.card.CardVerdict;
import org.warmstation.protocol.card.CardVerifier;
import org.warmstation.protocol.card.DenyList;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.MemberCard;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.card.TrustedKey;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.provisioning.CliRun;

class DistrictInitTest {
    @TempDir
    Path dir;

    private static MemberCard card(DistrictKey key) {
        return new MemberCard(key.districtId(), 9, MemberCard.MemberId.ofHex("00112233aabbccdd"), WorkerCategory.COURIER,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), key.keyId());
    }

    private static CardVerdict verify(Path trust, String token) throws Exception {
        TrustList list = TrustList.parse(Files.readString(trust));
        return new CardVerifier(list, DenyList.empty(), Set.of(110105), ZoneId.of("Asia/Shanghai"))
                .verify(token, Instant.parse("2026-06-01T04:00:00Z"));
    }

    @Test
    void pemRoundTripKeepsIdsAndTheKeyPair() throws Exception {
        DistrictKey key = DistrictKey.generate(110105);
        DistrictKey back = DistrictKey.fromPem(key.toPem());
        assertEquals(key.districtId(), back.districtId());
        assertEquals(key.keyId(), back.keyId());
        assertArrayEquals(key.keyPair().getPublic().getEncoded(), back.keyPair().getPublic().getEncoded());
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(back.privateKey());
        s.update(new byte[] {1, 2, 3});
        byte[] sig = s.sign();
        s.initVerify(key.keyPair().getPublic());
        s.update(new byte[] {1, 2, 3});
        assertTrue(s.verify(sig), "the parsed private key must belong to the original public key");
    }

    @Test
    void initWritesAPrivateKeyFileAndATrustListWithItsPublicKey() throws Exception {
        CliRun r = CliRun.run("district", "init", "--district", "110105", "--dir", dir.toString());
        assertEquals(0, r.exitCode(), r.toString());
        Path keyFile = dir.resolve("district-110105.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        DistrictKey key = DistrictKey.fromPem(Files.readString(keyFile, StandardCharsets.UTF_8));
        assertEquals(110105, key.districtId());
        TrustList list = TrustList.parse(Files.readString(dir.resolve("trust-list.txt")));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("trust-list.txt"))),
                "the trust list is public: stations must read it");
        assertEquals(2, list.keys().size(), "the card key and the downlink key");
        assertEquals(1, list.version());
        TrustedKey trusted = list.keys().getFirst();
        assertEquals(java.util.EnumSet.of(org.warmstation.protocol.card.KeyPurpose.CARD,
                org.warmstation.protocol.card.KeyPurpose.ENROLLMENT), trusted.purposes());
        Path downlinkFile = dir.resolve("district-110105-downlink.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(downlinkFile)));
        DistrictKey downlink = DistrictKey.fromPem(Files.readString(downlinkFile, StandardCharsets.UTF_8));
        assertEquals(java.util.Set.of(org.warmstation.protocol.card.KeyPurpose.DOWNLINK), list.keys().get(1).purposes());
        assertArrayEquals(downlink.keyPair().getPublic().getEncoded(), list.keys().get(1).publicKey().getEncoded());
        assertTrue(!verify(dir.resolve("trust-list.txt"), CardToken.sign(card(downlink), downlink.privateKey())).accepted(),
                "a card signed by the downlink key is refused");
        assertEquals(key.keyId(), trusted.keyId());
        assertEquals(110105, trusted.districtId());
        assertArrayEquals(key.keyPair().getPublic().getEncoded(), trusted.publicKey().getEncoded());
        String token = CardToken.sign(card(key), key.privateKey());
        assertTrue(verify(dir.resolve("trust-list.txt"), token).accepted());
    }

    @Test
    void secondInitRefusesAndLeavesTheKeyUntouched() throws Exception {
        assertEquals(0, CliRun.run("district", "init", "--district", "110105", "--dir", dir.toString()).exitCode());
        byte[] before = Files.readAllBytes(dir.resolve("district-110105.key"));
        CliRun again = CliRun.run("district", "init", "--district", "110105", "--dir", dir.toString());
        assertEquals(1, again.exitCode(), again.toString());
        assertTrue(again.err().contains("--rotate"), again.err());
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("district-110105.key")));
    }

    @Test
    void rotationKeepsTheOldKeySoIssuedCardsStayValid() throws Exception {
        assertEquals(0, CliRun.run("district", "init", "--district", "110105", "--dir", dir.toString()).exitCode());
        DistrictKey old = DistrictKey.fromPem(Files.readString(dir.resolve("district-110105.key")));
        String oldToken = CardToken.sign(card(old), old.privateKey());
        CliRun r = CliRun.run("district", "init", "--district", "110105", "--dir", dir.toString(), "--rotate");
        assertEquals(0, r.exitCode(), r.toString());
        DistrictKey fresh = DistrictKey.fromPem(Files.readString(dir.resolve("district-110105.key")));
        Path archived = dir.resolve(String.format("district-110105-%04x.key", old.keyId()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(archived)));
        assertArrayEquals(old.privateKey().getEncoded(),
                DistrictKey.fromPem(Files.readString(archived)).privateKey().getEncoded());
        TrustList rotated = TrustList.parse(Files.readString(dir.resolve("trust-list.txt")));
        assertEquals(3, rotated.keys().size(), "old card key, downlink key, new card key");
        assertEquals(2, rotated.version());
        assertTrue(verify(dir.resolve("trust-list.txt"), oldToken).accepted(), "card of the old key");
        assertTrue(verify(dir.resolve("trust-list.txt"), CardToken.sign(card(fresh), fresh.privateKey())).accepted(),
                "card of the new key");
    }

    @Test
    void updateRoleMakesAReleaseKeyOfPurposeUpdateOnlyAndRotatesItOut() throws Exception {
        assertEquals(0, CliRun.run("district", "init", "--district", "110105", "--dir", dir.toString()).exitCode());
        CliRun first = CliRun.run("district", "init", "--district", "110105", "--dir", dir.toString(), "--rotate",
                "--role", "update");
        assertEquals(0, first.exitCode(), first.toString());
        assertTrue(first.out().contains("new update key"), first.out());
        DistrictKey update = DistrictKey.fromPem(Files.readString(dir.resolve("district-110105-update.key")));
        TrustList list = TrustList.parse(Files.readString(dir.resolve("trust-list.txt")));
        assertEquals(3, list.keys().size(), "card, downlink and update key");
        TrustedKey trusted = list.keys().stream().filter(k -> k.keyId() == update.keyId()).findFirst().orElseThrow();
        assertEquals(Set.of(org.warmstation.protocol.card.KeyPurpose.UPDATE), trusted.purposes());

        assertEquals(0, CliRun.run("district", "init", "--district", "110105", "--dir", dir.toString(), "--rotate",
                "--role", "update").exitCode());
        TrustList rotated = TrustList.parse(Files.readString(dir.resolve("trust-list.txt")));
        assertEquals(3, rotated.keys().size(), "the old update key leaves the list");
        assertTrue(rotated.keys().stream().noneMatch(k -> k.keyId() == update.keyId()));
        assertTrue(Files.exists(dir.resolve(String.format("district-110105-update-%04x.key", update.keyId()))));
        CliRun bad = CliRun.run("district", "init", "--district", "110105", "--dir", dir.toString(), "--rotate",
                "--role", "release");
        assertEquals(2, bad.exitCode(), bad.toString());
        assertTrue(bad.err().contains("card, downlink or update"), bad.err());
    }

    @Test
    void districtThatIsNotSixDigitsIsAUsageError() {
        CliRun r = CliRun.run("district", "init", "--district", "1101", "--dir", dir.toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(Files.notExists(dir.resolve("district-1101.key")));
    }
}
