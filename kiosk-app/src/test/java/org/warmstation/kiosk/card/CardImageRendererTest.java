package org.warmstation.kiosk.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.warmstation.devices.scan.QrDecoder;
import org.warmstation.protocol.card.CardToken;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.MemberCard;
import org.warmstation.protocol.card.WorkerCategory;

class CardImageRendererTest {
    private static CardImageRenderer renderer;
    private static DistrictKey key;

    @BeforeAll
    static void setUp() {
        renderer = new CardImageRenderer();
        key = DistrictKey.generate(110105);
    }

    private static MemberCard card(WorkerCategory category, long serial) {
        return new MemberCard(110105, serial, MemberCard.MemberId.ofHex("0123456789abcdef"), category,
                LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31), key.keyId());
    }

    /**
     * Decodes with the terminal's own decoder: about one random token in 150 makes a QR whose
     * data mimics a finder pattern, which plain ZXing cannot read (see QrDecoderCardTest).
     */
    static String decode(BufferedImage img) {
        return new QrDecoder().decode(img).orElseThrow(() -> new AssertionError("no QR code read"));
    }

    @ParameterizedTest
    @EnumSource(WorkerCategory.class)
    void renderedCardCarriesTheTokenInItsQr(WorkerCategory category) throws Exception {
        MemberCard c = card(category, 4_000_000_000L);
        String token = CardToken.sign(c, key.privateKey());
        BufferedImage img = renderer.render(c, token, "北京市朝阳区总工会");
        assertEquals(1011, img.getWidth());
        assertEquals(638, img.getHeight());
        assertEquals(token, decode(img));
    }

    @Test
    void qrStillDecodesWhenTheCardIsSeenAtCameraSize() throws Exception {
        MemberCard c = card(WorkerCategory.COURIER, 7);
        String token = CardToken.sign(c, key.privateKey());
        BufferedImage img = renderer.render(c, token, "北京市朝阳区总工会");
        BufferedImage small = new BufferedImage(404, 255, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, 404, 255, null);
        g.dispose();
        assertEquals(token, decode(small));
    }

    @Test
    void signedTokenFitsQrVersionSixAtLevelM() {
        String token = CardToken.sign(card(WorkerCategory.TAXI_RIDE_HAILING, 0xffff_ffffL), key.privateKey());
        int version = CardImageRenderer.qrVersion(token);
        assertTrue(version >= 1 && version <= CardImageRenderer.MAX_QR_VERSION, "version " + version);
    }

    @Test
    void tokenTooLongForTheCardIsRefused() {
        String longText = "WSM:" + "A".repeat(400);
        assertTrue(CardImageRenderer.qrVersion(longText) > CardImageRenderer.MAX_QR_VERSION);
        assertThrows(IllegalArgumentException.class,
                () -> renderer.render(card(WorkerCategory.OTHER, 1), longText, "北京市朝阳区总工会"));
    }

    @Test
    void chosenFontDisplaysTheTitleAndEveryCategoryLabel() {
        Font f = new Font(renderer.fontFamily(), Font.PLAIN, 12);
        assertEquals(-1, f.canDisplayUpTo("暖心驿站"), renderer.fontFamily());
        for (WorkerCategory c : WorkerCategory.values()) {
            assertEquals(-1, f.canDisplayUpTo(CategoryLabels.chinese(c)), c + " in " + renderer.fontFamily());
        }
    }

    @Test
    void blankUnionNameIsRefused() {
        MemberCard c = card(WorkerCategory.COURIER, 1);
        String token = CardToken.sign(c, key.privateKey());
        assertThrows(IllegalArgumentException.class, () -> renderer.render(c, token, " "));
    }
}
