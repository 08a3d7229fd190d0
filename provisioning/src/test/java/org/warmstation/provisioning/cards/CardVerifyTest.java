package org.warmstation.provisioning.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.protocol.card.Base45;
import org.warmstation.protocol.card.CardToken;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.MemberCard;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.provisioning.CliRun;

class CardVerifyTest {
    @TempDir
    Path dir;
    Path trust;
    DistrictKey key;

    @BeforeEach
    void district() throws Exception {
        Path keys = dir.resolve("keys");
        assertEquals(0, CliRun.run("district", "init", "--district", "110105", "--dir", keys.toString()).exitCode());
        trust = keys.resolve("trust-list.txt");
        key = DistrictKey.fromPem(Files.readString(keys.resolve("district-110105.key")));
    }

    private String token(LocalDate from, LocalDate until, long serial) {
        return CardToken.sign(new MemberCard(110105, serial, MemberCard.MemberId.ofHex("0102030405060708"),
                WorkerCategory.SANITATION, from, until, key.keyId()), key.privateKey());
    }

    private String current() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        return token(today.minusDays(30), today.plusDays(300), 77);
    }

    @Test
    void validTokenExitsZeroAndDescribesTheCard() {
        CliRun r = CliRun.run("card", "verify", current(), "--trust", trust.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().startsWith("valid: category 环卫工人 SANITATION, serial 77"), r.out());
    }

    @Test
    void tamperedTokenIsRejectedWithExitOne() {
        String token = current();
        byte[] all = Base45.decode(token.substring(CardToken.PREFIX.length()));
        all[8] ^= 0x01; // a member-id byte: content changed, signature no longer matches
        String tampered = CardToken.PREFIX + Base45.encode(all);
        CliRun r = CliRun.run("card", "verify", tampered, "--trust", trust.toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.out().startsWith("rejected: BAD_SIGNATURE ("), r.out());
    }

    @Test
    void expiredCardAndOtherDistrictAreRejected() {
        String expired = token(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31), 5);
        CliRun r = CliRun.run("card", "verify", expired, "--trust", trust.toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.out().startsWith("rejected: EXPIRED"), r.out());
        CliRun other = CliRun.run("card", "verify", current(), "--trust", trust.toString(), "--district", "110108");
        assertEquals(1, other.exitCode(), other.toString());
        assertTrue(other.out().startsWith("rejected: OTHER_DISTRICT"), other.out());
    }

    @Test
    void revokedCardIsRejected() throws Exception {
        Path deny = dir.resolve("deny.txt");
        Files.writeString(deny, "110105 77\n");
        CliRun r = CliRun.run("card", "verify", current(), "--trust", trust.toString(), "--deny", deny.toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.out().startsWith("rejected: REVOKED"), r.out());
    }

    @Test
    void imageOfAnIssuedCardIsDecodedAndAccepted() throws Exception {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        Path out = dir.resolve("cards");
        CliRun issue = CliRun.run("card", "issue", "--key", dir.resolve("keys/district-110105.key").toString(),
                "--category", "COURIER", "--valid-from", today.toString(), "--valid-until", today.plusYears(1).toString(),
                "--union", "北京市朝阳区总工会", "--out", out.toString());
        assertEquals(0, issue.exitCode(), issue.toString());
        CliRun r = CliRun.run("card", "verify", out.resolve("card-1.png").toString(), "--trust", trust.toString(),
                "--district", "110105");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().startsWith("valid: category 快递员 COURIER, serial 1"), r.out());
    }

    @Test
    void imageWithoutQrIsRejectedAsNoQrCode() throws Exception {
        BufferedImage img = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 400, 300);
        g.setColor(Color.BLACK);
        g.drawString("暖心驿站 no code here", 40, 150);
        g.dispose();
        Path png = dir.resolve("blank.png");
        ImageIO.write(img, "png", png.toFile());
        CliRun r = CliRun.run("card", "verify", png.toString(), "--trust", trust.toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.out().contains("no QR code found"), r.out());
    }

    @Test
    void unreadableImageFileIsAUsageError() throws Exception {
        byte[] garbage = new byte[2048];
        new Random(7).nextBytes(garbage);
        Path png = dir.resolve("broken.png");
        Files.write(png, garbage);
        CliRun r = CliRun.run("card", "verify", png.toString(), "--trust", trust.toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("broken.png"), r.err());
    }

    @Test
    void misspelledImageFileNameIsAUsageErrorNotARejection() {
        CliRun r = CliRun.run("card", "verify", dir.resolve("card-1.PNG").toString(), "--trust", trust.toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("does not exist"), r.err());
    }

    @Test
    void missingTrustFileIsAUsageError() {
        Path missing = dir.resolve("nowhere/trust-list.txt");
        CliRun r = CliRun.run("card", "verify", current(), "--trust", missing.toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains(missing.toString()), r.err());
    }

    @Test
    void otherQrTextIsNotAMemberCard() {
        CliRun r = CliRun.run("card", "verify", "https://example.cn/pay?id=1", "--trust", trust.toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.out().startsWith("rejected: NOT_A_MEMBER_CARD"), r.out());
    }
}
