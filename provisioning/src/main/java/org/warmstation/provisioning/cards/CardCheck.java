package org.warmstation.provisioning.cards;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.warmstation.devices.scan.QrDecoder;
import org.warmstation.kiosk.card.CategoryLabels;
import org.warmstation.protocol.card.CardVerdict;
import org.warmstation.protocol.card.CardVerifier;
import org.warmstation.protocol.card.DenyList;
import org.warmstation.protocol.card.MemberCard;
import org.warmstation.protocol.card.RejectionReason;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.provisioning.ProvisioningException;
import org.warmstation.provisioning.district.DistrictKeyFiles;

/**
 * Checks a card the way a station would: the argument is either the QR text itself or an image
 * file of the card, whose QR is decoded with the station's {@link QrDecoder}. Blocks on file I/O
 * and decoding.
 *
 * <p>Exit codes: 0 valid; 1 rejected, including "no QR code found" in a readable image; 2 usage
 * error: missing or invalid trust list or deny-list, unreadable image file, an argument that
 * names an image file (by its extension) that does not exist.
 */
public final class CardCheck {

    /**
     * The answer.
     *
     * @param exitCode 0 valid, 1 rejected
     * @param message  one line: {@code valid: ...} or {@code rejected: REASON (explanation)}
     */
    public record Outcome(int exitCode, String message) {
    }

    private static final java.util.regex.Pattern IMAGE_NAME =
            java.util.regex.Pattern.compile("(?i)[^\\n]*\\.(png|jpe?g|gif|bmp|webp)");

    private CardCheck() {
    }

    /**
     * @param textOrImage the QR text, or the path of an image file (PNG, JPEG, ...)
     * @param trustFile   the trust list
     * @param denyFile    the deny-list, if any
     * @param district    the district the checking station serves; empty accepts every district
     *                    of the trust list
     * @param now         the time the validity is judged at (Asia/Shanghai dates)
     * @return the outcome
     * @throws ProvisioningException (usage) when a list or the image file cannot be read
     */
    public static Outcome check(String textOrImage, Path trustFile, Optional<Path> denyFile, OptionalInt district,
                                Instant now) throws ProvisioningException {
        TrustList trust = DistrictKeyFiles.readTrustList(trustFile);
        DenyList deny = denyFile.isPresent() ? readDeny(denyFile.get()) : DenyList.empty();
        Set<Integer> districts = district.isPresent() ? Set.of(district.getAsInt())
                : trust.keys().stream().map(k -> k.districtId()).collect(Collectors.toSet());
        String text = textOrImage;
        Path asFile = pathOrNull(textOrImage);
        if (asFile != null && Files.isRegularFile(asFile)) {
            Optional<String> decoded = new QrDecoder().decode(readImage(asFile));
            if (decoded.isEmpty()) {
                return new Outcome(1, "rejected: NO_QR (no QR code found in " + asFile + ")");
            }
            text = decoded.get();
        } else if (IMAGE_NAME.matcher(textOrImage.strip()).matches()) {
            throw new ProvisioningException(ProvisioningException.USAGE, "image file " + textOrImage + " does not exist");
        }
        CardVerdict verdict = new CardVerifier(trust, deny, districts, ZoneId.of("Asia/Shanghai")).verify(text, now);
        return switch (verdict) {
            case CardVerdict.Accepted a -> new Outcome(0, "valid: " + describe(a.card()));
            case CardVerdict.Rejected r -> new Outcome(1, "rejected: " + r.reason() + " (" + explain(r.reason())
                    + "; " + r.detail() + ")");
        };
    }

    /**
     * @param card a verified card
     * @return category, serial, district and validity in one line
     */
    public static String describe(MemberCard card) {
        return "category " + CategoryLabels.chinese(card.category()) + " " + card.category() + ", serial "
                + card.cardSerial() + ", district " + card.districtId() + ", valid from " + card.validFrom()
                + " until " + card.validUntil();
    }

    /**
     * @param reason a rejection reason
     * @return what it means, in plain words
     */
    public static String explain(RejectionReason reason) {
        return switch (reason) {
            case NOT_A_MEMBER_CARD -> "this is not a warm-station member card, but some other code or text";
            case MALFORMED -> "it looks like a member card but is damaged or of an unknown format";
            case UNKNOWN_KEY -> "signed by a key that is not in the trust list (other district, or trust list out of date)";
            case BAD_SIGNATURE -> "the signature does not match: the card was altered or forged";
            case OTHER_DISTRICT -> "a genuine card of a district this station does not serve";
            case REVOKED -> "the card is on the deny-list (reported lost or withdrawn)";
            case NOT_YET_VALID -> "the card is not valid yet";
            case EXPIRED -> "the card has expired";
        };
    }

    private static Path pathOrNull(String text) {
        try {
            return text.length() > 4096 ? null : Path.of(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static BufferedImage readImage(Path file) throws ProvisioningException {
        try {
            BufferedImage img = ImageIO.read(file.toFile());
            if (img == null) {
                throw new ProvisioningException(ProvisioningException.USAGE, file
                        + " is not an image this tool can read (PNG, JPEG, BMP, GIF, WebP)");
            }
            return img;
        } catch (IOException | RuntimeException e) {
            throw new ProvisioningException(ProvisioningException.USAGE, "cannot read image " + file + ": " + e, e);
        }
    }

    private static DenyList readDeny(Path file) throws ProvisioningException {
        try {
            return DenyList.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ProvisioningException(ProvisioningException.USAGE, "cannot read deny-list " + file + ": " + e, e);
        } catch (IllegalArgumentException e) {
            throw new ProvisioningException(ProvisioningException.USAGE, file + ": " + e.getMessage(), e);
        }
    }
}
