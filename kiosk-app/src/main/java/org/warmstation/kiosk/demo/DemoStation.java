package org.warmstation.kiosk.demo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.kiosk.card.CardImageRenderer;
import org.warmstation.protocol.card.Base45;
import org.warmstation.protocol.card.CardToken;
import org.warmstation.protocol.card.CardVerifier;
import org.warmstation.protocol.card.DenyList;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.MemberCard;
import org.warmstation.protocol.card.MemberCard.MemberId;
import org.warmstation.protocol.card.RejectionReason;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.card.WorkerCategory;

/**
 * The demo station's data directory: a demo district key generated on first run and kept, a
 * second "other district" key, the trust list and deny-list, and sample cards (valid ones for
 * several worker categories, plus expired, revoked, other-district, tampered, forged and a plain
 * URL QR code), each rendered to a PNG in {@code cards/}. Cards are re-issued on every start so
 * their validity follows today's date; keys and member ids stay the same.
 *
 * <p>Blocks on file I/O; call off the UI thread.
 *
 * @param dataDir    the demo data directory (also holds the visit log)
 * @param key        the demo district's signing key
 * @param trustList  the trust list (demo district and other district)
 * @param denyList   the deny-list (revokes the "revoked" sample)
 * @param cards      the samples, valid ones first
 */
public record DemoStation(Path dataDir, DistrictKey key, TrustList trustList, DenyList denyList,
                          List<DemoCard> cards) {
    /** Serial of the "revoked" sample card (on the demo's deny list, and revoked at the demo district). */
    public static final long REVOKED_SERIAL = 1102;

    private static final Logger LOG = LoggerFactory.getLogger(DemoStation.class);
    /** The demo district: Chaoyang, Beijing. */
    public static final int DISTRICT = 110105;
    /** The "other district" of the other-district sample: Haidian. */
    public static final int OTHER_DISTRICT = 110108;
    /** The demo station's id. */
    public static final String STATION_ID = "CY-9001";
    /** The demo station's name. */
    public static final String STATION_NAME = "朝阳区 · 三里屯暖心驿站（演示）";
    /** The staff PIN of the demo. */
    public static final String STAFF_PIN = "246810";
    /** The zone of the demo. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String UNION = "北京市朝阳区总工会";

    /**
     * Creates or reopens the demo data directory.
     *
     * @param dataDir the directory; created when missing
     * @param today   the station's local date (cards are valid around it)
     * @return the demo station
     * @throws IOException when the directory or a file cannot be written, or a key file is corrupt
     */
    public static DemoStation prepare(Path dataDir, LocalDate today) throws IOException {
        Files.createDirectories(dataDir);
        DistrictKey key = loadOrCreateKey(dataDir.resolve("district-" + DISTRICT + ".key"), DISTRICT);
        DistrictKey other = loadOrCreateKey(dataDir.resolve("district-" + OTHER_DISTRICT + ".key"), OTHER_DISTRICT);
        TrustList trust = new TrustList(Instant.parse("2026-01-01T00:00:00Z"), List.of(key.trustedKey(), other.trustedKey()));
        Files.writeString(dataDir.resolve("trust-list.txt"), trust.format(), StandardCharsets.UTF_8);
        long revokedSerial = REVOKED_SERIAL;
        DenyList deny = DenyList.empty().with(DISTRICT, revokedSerial);
        Files.writeString(dataDir.resolve("deny-list.txt"), deny.format(), StandardCharsets.UTF_8);

        CardImageRenderer renderer = new CardImageRenderer();
        LocalDate from = today.minusDays(30);
        LocalDate until = today.plusYears(1);
        List<DemoCard> cards = new ArrayList<>();
        record Valid(String id, String zh, String en, long serial, WorkerCategory c) { }
        for (Valid v : List.of(
                new Valid("courier", "快递员", "Courier", 1001, WorkerCategory.COURIER),
                new Valid("rider", "外卖骑手", "Delivery rider", 1002, WorkerCategory.FOOD_DELIVERY),
                new Valid("sanitation", "环卫工人", "Sanitation worker", 1003, WorkerCategory.SANITATION),
                new Valid("taxi", "网约车司机", "Ride-hailing", 1004, WorkerCategory.TAXI_RIDE_HAILING),
                new Valid("police", "交通警察", "Traffic police", 1005, WorkerCategory.TRAFFIC_POLICE),
                new Valid("guard", "保安", "Security guard", 1006, WorkerCategory.SECURITY_GUARD))) {
            MemberCard card = card(DISTRICT, v.serial(), v.c(), from, until, key);
            String token = CardToken.sign(card, key.privateKey());
            cards.add(new DemoCard(v.id(), v.zh(), v.en(), token, renderer.render(card, token, UNION), v.c(), Optional.empty()));
        }
        MemberCard expired = card(DISTRICT, 1101, WorkerCategory.PARKING_ATTENDANT, today.minusYears(1), today.minusDays(10), key);
        cards.add(invalid(renderer, "expired", "已过期的卡", "Expired card", expired, CardToken.sign(expired, key.privateKey()),
                RejectionReason.EXPIRED));
        MemberCard revoked = card(DISTRICT, revokedSerial, WorkerCategory.COURIER, from, until, key);
        cards.add(invalid(renderer, "revoked", "已挂失的卡", "Revoked card", revoked, CardToken.sign(revoked, key.privateKey()),
                RejectionReason.REVOKED));
        MemberCard haidian = card(OTHER_DISTRICT, 2001, WorkerCategory.FOOD_DELIVERY, from, until, other);
        cards.add(invalid(renderer, "other-district", "海淀区的卡", "Other district", haidian,
                CardToken.sign(haidian, other.privateKey()), RejectionReason.OTHER_DISTRICT));
        MemberCard genuine = card(DISTRICT, 1201, WorkerCategory.COURIER, from, until, key);
        cards.add(invalid(renderer, "tampered", "被篡改的卡", "Tampered card", genuine,
                tamper(CardToken.sign(genuine, key.privateKey())), RejectionReason.BAD_SIGNATURE));
        DistrictKey forger = DistrictKey.generate(DISTRICT);
        MemberCard forged = card(DISTRICT, 1202, WorkerCategory.COURIER, from, until, forger);
        cards.add(invalid(renderer, "forged", "伪造的卡", "Forged card", forged, CardToken.sign(forged, forger.privateKey()),
                RejectionReason.UNKNOWN_KEY));
        String url = "https://www.bjzgh.org/";
        cards.add(new DemoCard("url", "网址二维码", "Web-link QR", url, poster(url), WorkerCategory.OTHER,
                Optional.of(RejectionReason.NOT_A_MEMBER_CARD)));

        Path folder = Files.createDirectories(dataDir.resolve("cards"));
        for (DemoCard c : cards) {
            ImageIO.write(c.image(), "png", folder.resolve(c.id() + ".png").toFile());
        }
        LOG.info("demo station ready in {}: {} sample cards", dataDir, cards.size());
        return new DemoStation(dataDir, key, trust, deny, List.copyOf(cards));
    }

    /** @return a verifier for the demo station's district */
    public CardVerifier verifier() {
        return new CardVerifier(trustList, denyList, Set.of(DISTRICT), ZONE);
    }

    /**
     * @param id a sample's id
     * @return that sample
     * @throws IllegalArgumentException when there is none
     */
    public DemoCard card(String id) {
        return cards.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo card " + id));
    }

    private static MemberCard card(int district, long serial, WorkerCategory c, LocalDate from, LocalDate until,
                                   DistrictKey key) {
        MemberId member = MemberId.ofHex(HexFormat.of().toHexDigits(((long) district << 32) | serial));
        return new MemberCard(district, serial, member, c, from, until, key.keyId());
    }

    private static DemoCard invalid(CardImageRenderer r, String id, String zh, String en, MemberCard printed,
                                    String token, RejectionReason reason) {
        return new DemoCard(id, zh, en, token, r.render(printed, token, UNION), printed.category(), Optional.of(reason));
    }

    /** Pushes the card's last valid day ten years out, keeping the original signature. */
    private static String tamper(String token) {
        byte[] all = Base45.decode(token.substring(CardToken.PREFIX.length()));
        int until = 19; // body offset of validUntil (docs/card-format.md "Layout")
        int days = ((all[until] & 0xff) << 8 | (all[until + 1] & 0xff)) + 3650;
        all[until] = (byte) (days >> 8);
        all[until + 1] = (byte) days;
        return CardToken.PREFIX + Base45.encode(all);
    }

    private static BufferedImage poster(String text) {
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalStateException("cannot encode a short URL", e);
        }
        int scale = 12;
        BufferedImage img = new BufferedImage(CardImageRenderer.WIDTH, CardImageRenderer.HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        int x0 = (img.getWidth() - m.getWidth() * scale) / 2;
        int y0 = (img.getHeight() - m.getHeight() * scale) / 2;
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y)) {
                    g.fillRect(x0 + x * scale, y0 + y * scale, scale, scale);
                }
            }
        }
        g.dispose();
        return img;
    }

    private static DistrictKey loadOrCreateKey(Path file, int district) throws IOException {
        if (Files.exists(file)) {
            try {
                return DistrictKey.fromPem(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new IOException("demo key file " + file + " is corrupt (" + e.getMessage()
                        + "); delete it to generate a new demo key", e);
            }
        }
        DistrictKey key = DistrictKey.generate(district);
        Files.writeString(file, key.toPem(), StandardCharsets.US_ASCII);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        LOG.info("generated demo district key {} for district {} in {}", String.format("%04x", key.keyId()), district, file);
        return key;
    }
}
