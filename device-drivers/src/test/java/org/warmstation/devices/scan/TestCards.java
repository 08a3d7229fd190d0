package org.warmstation.devices.scan;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.PerspectiveTransform;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.time.LocalDate;
import java.util.Map;
import java.util.Random;
import org.warmstation.protocol.card.CardToken;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.MemberCard;
import org.warmstation.protocol.card.WorkerCategory;

/** Real member-card tokens rendered as QR codes on card images, and camera-like damage. */
final class TestCards {
    /** The scene a camera sees: a counter of this grey, 800x600. */
    static final int SCENE_WIDTH = 800;
    static final int SCENE_HEIGHT = 600;
    private static final Color COUNTER = new Color(90, 90, 90);
    /**
     * A fixed district key (a test resource), so a card and its QR are the same in every run: with
     * a key generated per run, the signature and so the picture changed each time, and plain ZXing
     * missed one rotated rendering in a few runs (ScanBenchTest).
     */
    private static final DistrictKey KEY = fixedKey();

    private TestCards() {
    }

    private static DistrictKey fixedKey() {
        try (var in = TestCards.class.getResourceAsStream("test-district-key.pem")) {
            return DistrictKey.fromPem(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** @return a freshly signed token of a real member card */
    static String token(long serial) {
        byte[] member = new byte[8];
        new Random(serial).nextBytes(member);
        MemberCard card = new MemberCard(KEY.districtId(), serial, new MemberCard.MemberId(member),
                WorkerCategory.COURIER, LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31), KEY.keyId());
        return CardToken.sign(card, KEY.privateKey());
    }

    /** A QR code of {@code text} at the given error correction, {@code modulePx} pixels a module. */
    static BufferedImage qr(String text, ErrorCorrectionLevel level, int modulePx) {
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, level, EncodeHintType.CHARACTER_SET, "UTF-8",
                            EncodeHintType.MARGIN, 4));
            BufferedImage img = new BufferedImage(m.getWidth() * modulePx, m.getHeight() * modulePx, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    img.setRGB(x, y, m.get(x / modulePx, y / modulePx) ? 0x000000 : 0xffffff);
                }
            }
            return img;
        } catch (WriterException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A white ID-1 sized card (85.6 x 54 mm at 5 px/mm) with some print and the QR at level M, quiet zone included. */
    static BufferedImage card(String token) {
        BufferedImage card = new BufferedImage(428, 270, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = card.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, card.getWidth(), card.getHeight());
        g.setColor(new Color(200, 30, 30));
        g.fillRect(0, 0, card.getWidth(), 36);
        g.setColor(Color.DARK_GRAY);
        for (int i = 0; i < 4; i++) {
            g.fillRect(16, 60 + 30 * i, 150 - 20 * i, 12);
        }
        // a 135-character token is a version 6 symbol (41 modules) at level M; with its 4-module
        // quiet zone at 4 px a module it fills 196 px of the card's right half
        BufferedImage qr = qr(token, ErrorCorrectionLevel.M, 4);
        g.drawImage(qr, card.getWidth() - qr.getWidth() - 8, 50, null);
        g.dispose();
        return card;
    }

    /** The card held in front of the camera: centred on the counter, turned by {@code degrees}. */
    static BufferedImage scene(BufferedImage card, double degrees) {
        BufferedImage scene = new BufferedImage(SCENE_WIDTH, SCENE_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scene.createGraphics();
        g.setColor(COUNTER);
        g.fillRect(0, 0, SCENE_WIDTH, SCENE_HEIGHT);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.toRadians(degrees), SCENE_WIDTH / 2.0, SCENE_HEIGHT / 2.0);
        g.drawImage(card, (SCENE_WIDTH - card.getWidth()) / 2, (SCENE_HEIGHT - card.getHeight()) / 2, null);
        g.dispose();
        return scene;
    }

    /**
     * The card tilted away from the camera: its corners land on the given quadrilateral of the
     * scene (clockwise from top left), sampled bilinearly.
     */
    static BufferedImage perspective(BufferedImage card, float... quad) {
        int w = card.getWidth();
        int h = card.getHeight();
        PerspectiveTransform sceneToCard = PerspectiveTransform.quadrilateralToQuadrilateral(
                quad[0], quad[1], quad[2], quad[3], quad[4], quad[5], quad[6], quad[7],
                0, 0, w, 0, w, h, 0, h);
        BufferedImage scene = new BufferedImage(SCENE_WIDTH, SCENE_HEIGHT, BufferedImage.TYPE_INT_RGB);
        float[] p = new float[2];
        for (int y = 0; y < SCENE_HEIGHT; y++) {
            for (int x = 0; x < SCENE_WIDTH; x++) {
                p[0] = x + 0.5f;
                p[1] = y + 0.5f;
                sceneToCard.transformPoints(p);
                float sx = p[0] - 0.5f;
                float sy = p[1] - 0.5f;
                int grey;
                if (sx < 0 || sy < 0 || sx > w - 1 || sy > h - 1) {
                    grey = COUNTER.getRed();
                } else {
                    int x0 = (int) sx;
                    int y0 = (int) sy;
                    int x1 = Math.min(x0 + 1, w - 1);
                    int y1 = Math.min(y0 + 1, h - 1);
                    float fx = sx - x0;
                    float fy = sy - y0;
                    float top = grey(card, x0, y0) * (1 - fx) + grey(card, x1, y0) * fx;
                    float bottom = grey(card, x0, y1) * (1 - fx) + grey(card, x1, y1) * fx;
                    grey = Math.round(top * (1 - fy) + bottom * fy);
                }
                scene.setRGB(x, y, grey * 0x010101);
            }
        }
        return scene;
    }

    /** Out of focus: a {@code size} x {@code size} box blur. */
    static BufferedImage blur(BufferedImage img, int size) {
        float[] k = new float[size * size];
        java.util.Arrays.fill(k, 1f / k.length);
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        return new ConvolveOp(new Kernel(size, size, k), ConvolveOp.EDGE_NO_OP, null).filter(img, out);
    }

    /** Sensor noise: Gaussian, standard deviation {@code sigma} grey levels, seeded. */
    static BufferedImage noise(BufferedImage img, double sigma, long seed) {
        Random r = new Random(seed);
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int v = (int) Math.round(grey(img, x, y) + r.nextGaussian() * sigma);
                v = Math.max(0, Math.min(255, v));
                out.setRGB(x, y, v * 0x010101);
            }
        }
        return out;
    }

    /** Poor light: grey levels squeezed into {@code low..high}. */
    static BufferedImage dim(BufferedImage img, int low, int high) {
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int v = low + grey(img, x, y) * (high - low) / 255;
                out.setRGB(x, y, v * 0x010101);
            }
        }
        return out;
    }

    /** The image shrunk to {@code width} x {@code height} (a camera at lower resolution). */
    static BufferedImage resize(BufferedImage img, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, width, height, null);
        g.dispose();
        return out;
    }

    private static int grey(BufferedImage img, int x, int y) {
        int rgb = img.getRGB(x, y);
        return (((rgb >> 16) & 0xff) * 306 + ((rgb >> 8) & 0xff) * 601 + (rgb & 0xff) * 117 + 512) >> 10;
    }
}
