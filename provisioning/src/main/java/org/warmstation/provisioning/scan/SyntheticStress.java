package org.warmstation.provisioning.scan;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.ResultPoint;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.warmstation.devices.scan.ImageFrames;
import org.warmstation.devices.scan.LuminanceFrame;
import org.warmstation.devices.scan.QrDecoder;
import org.warmstation.devices.scan.ScanBench;
import org.warmstation.kiosk.card.CardImageRenderer;
import org.warmstation.protocol.card.CardToken;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.MemberCard;
import org.warmstation.protocol.card.TrustedKey;
import org.warmstation.protocol.card.WorkerCategory;

/**
 * A synthetic stress set made from this project's own member cards: freshly signed tokens
 * rendered by {@link CardImageRenderer}, then damaged as a station camera sees them (blur,
 * perspective to 45°, a glare spot, low light with noise, JPEG at quality 30, a crease, modules
 * down to 2 px; see {@link StressScenes}). Each condition is decoded by {@link QrDecoder} and by
 * plain ZXing; a read counts only when its text is the card's token exactly (a signed token, so
 * any other text is a misread).
 *
 * <p>Deterministic for a given number of cards: the cards are signed by a key drawn from a fixed
 * seed (Ed25519 signatures are deterministic) and every damage is seeded. Not thread-safe;
 * blocks while rendering and decoding (about a second per card on one core).
 */
public final class SyntheticStress {
    /** Module sizes tried for the smallest module read, pixels, largest first. */
    static final List<Double> MODULE_SIZES = List.of(4.0, 3.0, 2.5, 2.0);

    private static final long BENCH_KEY_SEED = 20261206L;
    private static final int BENCH_DISTRICT = 110105;

    private final QrDecoder decoder;

    /** @param decoder the decoder under test */
    public SyntheticStress(QrDecoder decoder) {
        this.decoder = decoder;
    }

    /**
     * One condition's figures.
     *
     * @param name    what was done to the cards
     * @param cards   cards tried
     * @param decoded read by the project decoder with the card's token
     * @param misread read by the project decoder with another text
     * @param plain   read by plain ZXing with the card's token
     */
    public record Row(String name, int cards, int decoded, int misread, int plain) {
    }

    /**
     * What a run measured.
     *
     * @param rows              per condition, in the order printed
     * @param smallestModule    smallest module size (px) at which the project decoder read every card, or NaN
     * @param plainSmallest     the same for plain ZXing, or NaN
     * @param emptyMeanMillis   mean time of the project decoder on frames without a code, ms
     * @param emptyPlainMillis  mean time of plain ZXing on the same frames, ms
     */
    public record Report(List<Row> rows, double smallestModule, double plainSmallest,
                         double emptyMeanMillis, double emptyPlainMillis) {
    }

    /** A rendered card, where its code is, and its token. */
    private record Card(BufferedImage image, String token, double modulepx, double qrX, double qrY, double qrSide) {
    }

    /** Damage applied to a card to make one camera frame. */
    @FunctionalInterface
    private interface Condition {
        BufferedImage frame(Card card, Random random);
    }

    /**
     * Renders {@code cards} cards, measures every condition and prints the table.
     *
     * @param cards cards per condition, at least 1
     * @param out   where the table goes
     * @return the figures
     * @throws IllegalArgumentException when {@code cards} is below 1
     * @throws IllegalStateException    when no font can render the card (see {@link CardImageRenderer})
     */
    public Report run(int cards, PrintWriter out) {
        if (cards < 1) {
            throw new IllegalArgumentException("cards must be at least 1: " + cards);
        }
        List<Card> set = render(cards);
        List<Row> rows = new ArrayList<>();
        rows.add(measure("clean, 4 px modules", set, (c, r) -> StressScenes.place(c.image(), c.modulepx(), 4, 0)));
        rows.add(measure("blur sigma 1.5 px, 4 px modules", set,
                (c, r) -> StressScenes.blur(StressScenes.place(c.image(), c.modulepx(), 4, 0), 1.5)));
        rows.add(measure("blur sigma 2.5 px, 5 px modules", set,
                (c, r) -> StressScenes.blur(StressScenes.place(c.image(), c.modulepx(), 5, 0), 2.5)));
        for (int tilt : new int[] {30, 45}) {
            rows.add(measure("perspective " + tilt + " deg, 5 px modules", set,
                    (c, r) -> StressScenes.place(c.image(), c.modulepx(), 5, tilt)));
        }
        rows.add(measure("glare spot over the code, 4 px modules", set, (c, r) -> {
            BufferedImage f = StressScenes.place(c.image(), c.modulepx(), 4, 0);
            double s = 4 / c.modulepx();
            double cx = StressScenes.WIDTH / 2.0 + (c.qrX() - c.image().getWidth() / 2.0) * s;
            double cy = StressScenes.HEIGHT / 2.0 + (c.qrY() - c.image().getHeight() / 2.0) * s;
            double side = c.qrSide() * s;
            return StressScenes.glare(f, cx + (r.nextDouble() - 0.5) * side / 2, cy + (r.nextDouble() - 0.5) * side / 2, side / 3);
        }));
        rows.add(measure("low light (10 % contrast), noise sigma 8", set,
                (c, r) -> StressScenes.lowLight(StressScenes.place(c.image(), c.modulepx(), 4, 0), 0.1, 8, r)));
        rows.add(measure("JPEG quality 30, 2.5 px modules", set,
                (c, r) -> StressScenes.jpeg(StressScenes.place(c.image(), c.modulepx(), 2.5, 0), 0.3f)));
        rows.add(measure("crease through the code (1.2 module), 4 px", set, (c, r) -> StressScenes.place(
                StressScenes.crease(c.image(), c.qrX(), c.qrY(), 20 + 50 * r.nextDouble(), 1.2 * c.modulepx()),
                c.modulepx(), 4, 0)));
        double smallest = Double.NaN;
        double plainSmallest = Double.NaN;
        for (double m : MODULE_SIZES) {
            Row row = measure(String.format(Locale.ROOT, "module %.1f px", m), set,
                    (c, r) -> StressScenes.place(c.image(), c.modulepx(), m, 0));
            rows.add(row);
            smallest = row.decoded() == row.cards() ? m : smallest;
            plainSmallest = row.plain() == row.cards() ? m : plainSmallest;
        }
        double[] empty = emptyFrames(set);
        Report report = new Report(rows, smallest, plainSmallest, empty[0], empty[1]);
        print(report, out);
        return report;
    }

    private static void print(Report report, PrintWriter out) {
        out.printf(Locale.ROOT, "%-42s %5s %13s %11s %7s%n", "condition", "cards", "this decoder", "plain ZXing", "misread");
        for (Row r : report.rows()) {
            out.printf(Locale.ROOT, "%-42s %5d %13d %11d %7d%n", r.name(), r.cards(), r.decoded(), r.plain(), r.misread());
        }
        out.printf(Locale.ROOT, "smallest module size read (every card): %s, plain ZXing %s%n",
                px(report.smallestModule()), px(report.plainSmallest()));
        out.printf(Locale.ROOT, "frame without a code: mean %.1f ms, plain ZXing %.1f ms%n",
                report.emptyMeanMillis(), report.emptyPlainMillis());
        out.flush();
    }

    private static String px(double v) {
        return Double.isNaN(v) ? "none" : String.format(Locale.ROOT, "%.1f px", v);
    }

    private Row measure(String name, List<Card> set, Condition condition) {
        int decoded = 0;
        int misread = 0;
        int plain = 0;
        for (int i = 0; i < set.size(); i++) {
            Card card = set.get(i);
            LuminanceFrame frame = ImageFrames.toFrame(condition.frame(card, new Random(1000L * name.hashCode() + i)));
            Optional<String> text = decoder.decode(frame);
            if (text.isPresent() && text.get().equals(card.token())) {
                decoded++;
            } else if (text.isPresent()) {
                misread++;
            }
            if (card.token().equals(ScanBench.plainZxing(frame))) {
                plain++;
            }
        }
        return new Row(name, set.size(), decoded, misread, plain);
    }

    /** The cards with their code painted over, in the frame: mean ms of both decoders. */
    private double[] emptyFrames(List<Card> set) {
        long ours = 0;
        long plain = 0;
        for (Card card : set) {
            BufferedImage blank = copy(card.image());
            Graphics2D g = blank.createGraphics();
            g.setColor(Color.WHITE);
            int half = (int) Math.ceil(card.qrSide() / 2);
            g.fillRect((int) card.qrX() - half, (int) card.qrY() - half, 2 * half, 2 * half);
            g.dispose();
            BufferedImage frame = StressScenes.place(blank, card.modulepx(), 4, 0);
            long t0 = System.nanoTime();
            decoder.decode(ImageFrames.toFrame(frame));
            long t1 = System.nanoTime();
            ScanBench.plainZxing(ImageFrames.toFrame(frame));
            long t2 = System.nanoTime();
            ours += t1 - t0;
            plain += t2 - t1;
        }
        return new double[] {ours / 1e6 / set.size(), plain / 1e6 / set.size()};
    }

    private static List<Card> render(int cards) {
        CardImageRenderer renderer = new CardImageRenderer();
        DistrictKey key = benchKey();
        List<Card> set = new ArrayList<>();
        WorkerCategory[] categories = WorkerCategory.values();
        for (int i = 0; i < cards; i++) {
            Random random = new Random(i);
            byte[] member = new byte[8];
            random.nextBytes(member);
            MemberCard card = new MemberCard(key.districtId(), 1000 + i, new MemberCard.MemberId(member),
                    categories[i % categories.length], LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31), key.keyId());
            String token = CardToken.sign(card, key.privateKey());
            BufferedImage image = renderer.render(card, token, "北京市朝阳区总工会");
            set.add(locate(image, token));
        }
        return set;
    }

    /**
     * A district key drawn from a fixed seed, so every run renders the same cards (the same
     * tokens, the same QR modules). It signs bench cards only and is trusted nowhere.
     */
    private static DistrictKey benchKey() {
        try {
            SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
            seeded.setSeed(BENCH_KEY_SEED);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(255, seeded);
            KeyPair pair = generator.generateKeyPair();
            return new DistrictKey(BENCH_DISTRICT, TrustedKey.keyIdOf(pair.getPublic()), pair);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 and SHA1PRNG are part of every JDK", e);
        }
    }

    /** Where the code is on the rendered card, from plain ZXing's finder centres on the clean image. */
    private static Card locate(BufferedImage image, String token) {
        try {
            Result r = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))));
            ResultPoint[] p = r.getResultPoints(); // bottom left, top left, top right
            int modules = 17 + 4 * CardImageRenderer.qrVersion(token);
            double modulepx = ResultPoint.distance(p[1], p[2]) / (modules - 7);
            double cx = (p[0].getX() + p[2].getX()) / 2;
            double cy = (p[0].getY() + p[2].getY()) / 2;
            return new Card(image, token, modulepx, cx, cy, modules * modulepx);
        } catch (ReaderException e) {
            throw new IllegalStateException("the clean rendered card does not decode", e);
        }
    }

    private static BufferedImage copy(BufferedImage img) {
        BufferedImage c = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = c.createGraphics();
        g.drawImage(img, 0, 0, null);
        g.dispose();
        return c;
    }
}
