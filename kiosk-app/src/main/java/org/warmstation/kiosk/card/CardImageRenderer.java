package org.warmstation.kiosk.card;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.Objects;
import org.warmstation.protocol.card.MemberCard;

/**
 * Draws a member card at print size: ISO/IEC 7810 ID-1 (credit-card) proportions, 85.60 x 53.98 mm
 * at 300 dpi, i.e. {@value #WIDTH} x {@value #HEIGHT} pixels. The card shows "暖心驿站 会员卡", the
 * issuing union, the worker category in Chinese and English, serial and validity, and the QR code
 * of the signed token (error-correction level M, 4-module quiet zone). The QR holds the token only:
 * no name, phone or ID number is ever printed or encoded.
 *
 * <p>The constructor picks a font that can display Chinese ({@link CardFonts}). Instances are
 * immutable and {@link #render} may be called from any thread; it does not block on I/O.
 */
public final class CardImageRenderer {
    /** Card width in pixels: 85.60 mm at 300 dpi. */
    public static final int WIDTH = 1011;
    /** Card height in pixels: 53.98 mm at 300 dpi. */
    public static final int HEIGHT = 638;
    /** Print resolution the pixel size is meant for, dots per inch. */
    public static final int DPI = 300;
    /** Largest QR version allowed: bigger symbols have modules too small for the station camera. */
    public static final int MAX_QR_VERSION = 6;
    /** Quiet zone around the QR symbol, in modules (ISO/IEC 18004 requires 4). */
    public static final int QUIET_ZONE = 4;

    private static final Color BAND = new Color(0xC8, 0x3A, 0x1E);
    private static final Color INK = new Color(0x22, 0x22, 0x22);
    private static final Color GREY = new Color(0x66, 0x66, 0x66);
    private static final int MARGIN = 40;
    private static final int BAND_HEIGHT = 130;
    private static final int QR_BOX = HEIGHT - BAND_HEIGHT - 2 * 25;

    private final Font font;

    /**
     * @throws IllegalStateException naming the package to install when no installed font can
     *                               display the card's Chinese text
     */
    public CardImageRenderer() {
        this.font = CardFonts.chineseFont();
    }

    /** @return the font family used for all card text */
    public String fontFamily() {
        return font.getFamily();
    }

    /**
     * The QR version (1–40) a token needs at error-correction level M.
     *
     * @param token the QR text
     * @return the smallest version that holds it
     * @throws IllegalArgumentException when the text does not fit any QR version
     */
    public static int qrVersion(String token) {
        try {
            return Encoder.encode(token, ErrorCorrectionLevel.M).getVersion().getVersionNumber();
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit a QR code: " + e.getMessage(), e);
        }
    }

    /**
     * Renders a member card.
     *
     * @param card      the card content (category, serial, validity, district)
     * @param token     the signed QR text of the card ({@code CardToken.sign})
     * @param unionName the issuing union, e.g. 北京市朝阳区总工会
     * @return a new {@value #WIDTH} x {@value #HEIGHT} RGB image, ready to be written as PNG
     * @throws IllegalArgumentException when the token needs a QR version above {@value #MAX_QR_VERSION}
     *                                  or the union name is blank
     */
    public BufferedImage render(MemberCard card, String token, String unionName) {
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(token, "token");
        if (unionName == null || unionName.isBlank()) {
            throw new IllegalArgumentException("the issuing union's name is required");
        }
        BitMatrix qr = qrMatrix(token);
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            drawBand(g);
            drawText(g, card, unionName.strip());
            drawQr(g, qr);
            g.setColor(new Color(0xCC, 0xCC, 0xCC));
            g.setStroke(new BasicStroke(2f));
            g.drawRect(1, 1, WIDTH - 3, HEIGHT - 3);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static BitMatrix qrMatrix(String token) {
        int version = qrVersion(token);
        if (version > MAX_QR_VERSION) {
            throw new IllegalArgumentException("token needs QR version " + version + " at level M; at most "
                    + MAX_QR_VERSION + " fits the card legibly");
        }
        try {
            return new QRCodeWriter().encode(token, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, QUIET_ZONE));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode the token as QR: " + e.getMessage(), e);
        }
    }

    private void drawBand(Graphics2D g) {
        g.setColor(BAND);
        g.fillRect(0, 0, WIDTH, BAND_HEIGHT);
        g.setColor(Color.WHITE);
        g.setFont(font.deriveFont(Font.BOLD, 58f));
        g.drawString("暖心驿站 会员卡", MARGIN, 72);
        g.setFont(font.deriveFont(Font.PLAIN, 26f));
        g.drawString("Warm Station Member Card", MARGIN, 112);
    }

    private void drawText(Graphics2D g, MemberCard card, String unionName) {
        int width = WIDTH - MARGIN - QR_BOX - 30 - MARGIN;
        g.setColor(INK);
        fitted(g, unionName, Font.PLAIN, 36f, width, MARGIN, 192);
        fitted(g, CategoryLabels.chinese(card.category()), Font.BOLD, 64f, width, MARGIN, 300);
        g.setColor(GREY);
        fitted(g, CategoryLabels.english(card.category()), Font.PLAIN, 30f, width, MARGIN, 345);
        g.setColor(INK);
        fitted(g, "卡号 No. " + String.format("%08d", card.cardSerial()), Font.PLAIN, 30f, width, MARGIN, 440);
        fitted(g, "有效期 Valid " + card.validFrom() + " – " + card.validUntil(), Font.PLAIN, 26f, width, MARGIN, 495);
        g.setColor(GREY);
        fitted(g, "发卡地区 District " + card.districtId(), Font.PLAIN, 22f, width, MARGIN, 580);
    }

    /** Draws one line, shrinking the font until the text fits the width. */
    private void fitted(Graphics2D g, String text, int style, float size, int width, int x, int baseline) {
        Font f = font.deriveFont(style, size);
        FontMetrics m = g.getFontMetrics(f);
        int w = m.stringWidth(text);
        if (w > width) {
            f = font.deriveFont(style, Math.max(10f, size * width / w));
        }
        g.setFont(f);
        g.drawString(text, x, baseline);
    }

    private static void drawQr(Graphics2D g, BitMatrix qr) {
        int modules = qr.getWidth();
        int scale = QR_BOX / modules;
        int size = scale * modules;
        int x0 = WIDTH - MARGIN - size + QUIET_ZONE * scale / 2;
        int y0 = BAND_HEIGHT + 25 + (QR_BOX - size) / 2;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setColor(Color.WHITE);
        g.fillRect(x0, y0, size, size);
        g.setColor(Color.BLACK);
        for (int y = 0; y < modules; y++) {
            for (int x = 0; x < modules; x++) {
                if (qr.get(x, y)) {
                    g.fillRect(x0 + x * scale, y0 + y * scale, scale, scale);
                }
            }
        }
    }
}
