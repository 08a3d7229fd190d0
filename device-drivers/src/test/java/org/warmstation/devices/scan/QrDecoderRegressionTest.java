package org.warmstation.devices.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.warmstation.protocol.card.Base45;

/**
 * Card-shaped codes (135 characters, version 6 at level M) that plain ZXing cannot read, found
 * by trying seeds: about one card in 150 is unreadable to plain ZXing even perfectly printed,
 * because a finder-like run in the data wins its choice of three finder patterns; and under
 * perspective its alignment-pattern search can lock onto a look-alike in the data. Each test first
 * checks that plain ZXing really fails, so it keeps proving what the retries add.
 */
class QrDecoderRegressionTest {
    private final QrDecoder decoder = new QrDecoder();

    /** "WSM:" and the Base45 text of 87 seeded random bytes: the shape of a member-card token. */
    private static String cardShaped(long seed) {
        byte[] bytes = new byte[87];
        new Random(seed).nextBytes(bytes);
        return "WSM:" + Base45.encode(bytes);
    }

    @ParameterizedTest
    @ValueSource(longs = {155, 281})
    void readsCleanCodeWherePlainZxingPicksAFakeFinderPattern(long seed) {
        String text = cardShaped(seed);
        BufferedImage clean = TestCards.qr(text, ErrorCorrectionLevel.M, 4);
        assertNull(ScanBench.plainZxing(ImageFrames.toFrame(clean)), "precondition: plain ZXing fails on this code");
        assertEquals(Optional.of(text), decoder.decode(clean));
    }

    @ParameterizedTest
    @ValueSource(longs = {7, 12})
    void readsTiltedCardThatPlainZxingCannotRead(long seed) {
        String text = cardShaped(seed);
        BufferedImage tilted = TestCards.perspective(TestCards.card(text), 220, 160, 620, 180, 660, 440, 150, 430);
        assertNull(ScanBench.plainZxing(ImageFrames.toFrame(tilted)), "precondition: plain ZXing fails on this card");
        assertEquals(Optional.of(text), decoder.decode(tilted));
    }
}
