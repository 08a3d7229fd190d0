package org.warmstation.provisioning.enroll;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.warmstation.kiosk.card.CardFonts;
import org.warmstation.protocol.enroll.StationEnrollment;

/**
 * The printed station enrollment code: the QR code (error-correction level M, 4-module quiet zone)
 * above the station's details in Chinese and English, so the technician sees which station a sheet
 * enrolls. The credential is only in the QR code, never in the text. {@value #WIDTH} x
 * {@value #HEIGHT} px, meant for {@value #DPI} dpi (10.2 x 13.5 cm). Not thread-safe (one instance
 * per thread); rendering needs a font with Chinese glyphs ({@link CardFonts}).
 */
public final class EnrollmentSheet {
    /** Image width in pixels. */
    public static final int WIDTH = 1200;
    /** Image height in pixels. */
    public static final int HEIGHT = 1600;
    /** Print resolution. */
    public static final int DPI = 300;
    /** Largest QR version drawn: beyond it a phone-quality camera at arm's length misreads modules. */
    public static final int MAX_QR_VERSION = 15;
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private EnrollmentSheet() {
    }

    /**
     * @param token the enrollment code's text
     * @return its QR version (1–40) at error-correction level M
     * @throws IllegalArgumentException when it does not fit any QR code
     */
    public static int qrVersion(String token) {
        try {
            return Encoder.encode(token, ErrorCorrectionLevel.M).getVersion().getVersionNumber();
        } catch (WriterException e) {
            throw new IllegalArgumentException("the code does not fit a QR code: " + e.getMessage(), e);
        }
    }

    /**
     * @param e     the enrollment (for the printed details)
     * @param token its signed text
     * @return a new RGB image
     * @throws IllegalArgumentException when the token needs a QR version above {@value #MAX_QR_VERSION}
     * @throws IllegalStateException    naming the package to install when no font displays Chinese
     */
    public static BufferedImage render(StationEnrollment e, String token) {
        int version = qrVersion(token);
        if (version > MAX_QR_VERSION) {
            throw new IllegalArgumentException("the code needs QR version " + version + "; at most " + MAX_QR_VERSION
                    + " is printed (shorten the name or broker URL)");
        }
        List<String> lines = List.of(
                "暖心驿站 站点注册码  Station enrollment code",
                e.stationName(),
                "站点 Station " + e.stationId() + "    区 District " + e.districtId(),
                String.format("位置 Location %.6f, %.6f", e.latitude(), e.longitude()),
                "服务器 Broker " + e.brokerUrl(),
                "有效期至 Valid until " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(e.expiresAt().atZone(BEIJING))
                        + " (北京时间 Beijing time)",
                "内含站点密码：请妥善保管，注册后销毁",
                "Contains the station password: keep it safe, destroy it after use");
        String family = CardFonts.findFamily(String.join("", lines)).orElseThrow(() -> new IllegalStateException(
                "no installed font can display " + e.stationName() + "; install one, e.g. 'sudo apt-get install "
                        + CardFonts.FONT_PACKAGE + "'"));
        BitMatrix qr = matrix(token);
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            int module = Math.min(900 / qr.getWidth(), 16);
            int side = module * qr.getWidth();
            int x0 = (WIDTH - side) / 2;
            int y0 = 40;
            g.setColor(Color.BLACK);
            for (int y = 0; y < qr.getHeight(); y++) {
                for (int x = 0; x < qr.getWidth(); x++) {
                    if (qr.get(x, y)) {
                        g.fillRect(x0 + x * module, y0 + y * module, module, module);
                    }
                }
            }
            int y = y0 + side + 60;
            for (int i = 0; i < lines.size(); i++) {
                boolean big = i <= 1;
                g.setFont(new Font(family, big ? Font.BOLD : Font.PLAIN, big ? 44 : 30));
                g.setColor(i >= 6 ? new Color(0xB0, 0x20, 0x20) : Color.BLACK);
                int w = g.getFontMetrics().stringWidth(lines.get(i));
                g.drawString(lines.get(i), Math.max(20, (WIDTH - w) / 2), y);
                y += big ? 64 : 46;
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private static BitMatrix matrix(String token) {
        try {
            return new QRCodeWriter().encode(token, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException ex) {
            throw new IllegalArgumentException("cannot encode the code as QR: " + ex.getMessage(), ex);
        }
    }
}
