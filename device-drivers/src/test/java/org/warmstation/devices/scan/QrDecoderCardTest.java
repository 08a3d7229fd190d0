package org.warmstation.devices.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.warmstation.protocol.card.CardToken;

/** A real member card's QR, photographed badly, still decodes to exactly its token. */
class QrDecoderCardTest {
    private static final String TOKEN = TestCards.token(4711);
    private static final BufferedImage CARD = TestCards.card(TOKEN);
    private final QrDecoder decoder = new QrDecoder();

    @Test
    void tokenIsARealCardToken() {
        assertEquals(CardToken.TOKEN_LENGTH, TOKEN.length());
        assertTrue(TOKEN.startsWith(CardToken.PREFIX));
    }

    @Test
    void decodesCardHeldStraight() {
        assertEquals(Optional.of(TOKEN), decoder.decode(TestCards.scene(CARD, 0)));
    }

    @Test
    void decodesCardTurnedBy17Degrees() {
        assertEquals(Optional.of(TOKEN), decoder.decode(TestCards.scene(CARD, 17)));
    }

    @Test
    void decodesCardTurnedBy90Degrees() {
        assertEquals(Optional.of(TOKEN), decoder.decode(TestCards.scene(CARD, 90)));
    }

    @Test
    void decodesCardTiltedAwayFromTheCamera() {
        // top edge further away (narrower), the card slightly turned and skewed
        BufferedImage tilted = TestCards.perspective(CARD, 220, 160, 620, 180, 660, 440, 150, 430);
        assertEquals(Optional.of(TOKEN), decoder.decode(tilted));
    }

    @Test
    void decodesBlurredCard() {
        assertEquals(Optional.of(TOKEN), decoder.decode(TestCards.blur(TestCards.scene(CARD, 8), 4)));
    }

    @Test
    void decodesNoisyCard() {
        assertEquals(Optional.of(TOKEN), decoder.decode(TestCards.noise(TestCards.scene(CARD, -12), 40, 1)));
    }

    @Test
    void decodesDimLowContrastCard() {
        assertEquals(Optional.of(TOKEN), decoder.decode(TestCards.dim(TestCards.scene(CARD, 5), 30, 75)));
    }

    @Test
    void decodesCardBlurredNoisyAndDimTogether() {
        BufferedImage bad = TestCards.dim(TestCards.noise(TestCards.blur(TestCards.scene(CARD, 33), 3), 15, 2), 40, 140);
        assertEquals(Optional.of(TOKEN), decoder.decode(bad));
    }

    @Test
    void decodesSmallCardInLowResolutionFrame() {
        BufferedImage small = TestCards.resize(TestCards.scene(CARD, 0), 320, 240);
        assertEquals(Optional.of(TOKEN), decoder.decode(small));
    }

    @Test
    void decodesLightCodeOnDarkScreen() {
        BufferedImage inverted = TestCards.dim(TestCards.scene(CARD, 0), 255, 0);
        assertEquals(Optional.of(TOKEN), decoder.decode(inverted));
    }

    @Test
    void findsNothingInAnEmptyScene() {
        BufferedImage empty = TestCards.noise(TestCards.dim(TestCards.scene(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), 0), 80, 120), 10, 3);
        assertEquals(Optional.empty(), decoder.decode(empty));
    }

    @Test
    void oneDecoderServesManyThreadsAtOnce() throws Exception {
        List<String> tokens = List.of(TestCards.token(1), TestCards.token(2), TestCards.token(3), TestCards.token(4));
        List<LuminanceFrame> frames = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            frames.add(ImageFrames.toFrame(TestCards.blur(TestCards.scene(TestCards.card(tokens.get(i)), 10 * i), 3)));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<Optional<String>>> results = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (LuminanceFrame f : frames) {
                    results.add(pool.submit(() -> decoder.decode(f)));
                }
            }
            for (int i = 0; i < results.size(); i++) {
                assertEquals(Optional.of(tokens.get(i % tokens.size())), results.get(i).get());
            }
        }
    }

    @Test
    void decodingTheSameFrameTwiceGivesTheSameAnswer() {
        LuminanceFrame frame = ImageFrames.toFrame(TestCards.blur(TestCards.scene(CARD, 45), 3));
        assertEquals(decoder.decode(frame), decoder.decode(frame));
        assertEquals(Optional.of(TOKEN), decoder.decode(frame));
    }
}
