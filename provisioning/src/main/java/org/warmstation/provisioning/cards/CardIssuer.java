package org.warmstation.provisioning.cards;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.warmstation.kiosk.card.CardImageRenderer;
import org.warmstation.protocol.card.CardToken;
import org.warmstation.protocol.card.CardVerdict;
import org.warmstation.protocol.card.CardVerifier;
import org.warmstation.protocol.card.DenyList;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.MemberCard;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.provisioning.ProvisioningException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues member cards: allocates serials in the {@link CardRegister}, signs each card with the
 * district key, checks the token against the key, and writes {@code card-SERIAL.png} (300 dpi)
 * and, for a batch, {@code cards.pdf}. The QR holds the signed token only, never personal data.
 * Not thread-safe; blocks on file I/O (rendering takes about a tenth of a second per card).
 */
public final class CardIssuer {
    /** Name of the print sheet of a batch. */
    public static final String PDF_NAME = "cards.pdf";

    private static final Logger LOG = LoggerFactory.getLogger(CardIssuer.class);

    /**
     * One issued card.
     *
     * @param card  its content
     * @param token its signed QR text
     * @param png   its image file
     */
    public record IssuedCard(MemberCard card, String token, Path png) {
    }

    private final DistrictKey key;
    private final CardRegister register;

    /**
     * @param key      the district key that signs
     * @param register the register serials come from
     */
    public CardIssuer(DistrictKey key, CardRegister register) {
        this.key = Objects.requireNonNull(key, "key");
        this.register = Objects.requireNonNull(register, "register");
    }

    /**
     * @param requests  the cards, at least one
     * @param unionName issuing union printed on the card, e.g. 北京市朝阳区总工会
     * @param outDir    folder for the images (created if missing)
     * @param pdf       whether to also write {@value #PDF_NAME}
     * @param now       issue instant for the register
     * @return the issued cards in request order
     * @throws ProvisioningException when a request is out of range (checked before any serial is
     *                               used), no Chinese font is installed, or a file cannot be written;
     *                               serials recorded before a write failure stay used
     */
    public List<IssuedCard> issue(List<CardRequest> requests, String unionName, Path outDir, boolean pdf, Instant now)
            throws ProvisioningException {
        if (unionName == null || unionName.isBlank()) {
            throw new ProvisioningException(ProvisioningException.USAGE, "--union: the issuing union's name is required");
        }
        if (requests.isEmpty()) {
            throw new ProvisioningException(ProvisioningException.USAGE, "no cards to issue");
        }
        for (int i = 0; i < requests.size(); i++) {
            CardRequest r = requests.get(i);
            try {
                card(r, 1, new MemberCard.MemberId(new byte[8]));
            } catch (IllegalArgumentException e) {
                throw new ProvisioningException(ProvisioningException.USAGE, "card " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        CardImageRenderer renderer;
        try {
            renderer = new CardImageRenderer();
        } catch (IllegalStateException e) {
            throw new ProvisioningException(ProvisioningException.FAILED, e.getMessage(), e);
        }
        CardVerifier selfCheck = new CardVerifier(new TrustList(Instant.EPOCH, List.of(key.trustedKey())),
                DenyList.empty(), Set.of(key.districtId()), ZoneId.of("Asia/Shanghai"));
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new ProvisioningException(ProvisioningException.FAILED, "cannot create " + outDir + ": " + e, e);
        }
        List<CardRegister.Entry> entries = register.register(requests, now);
        List<IssuedCard> issued = new ArrayList<>();
        try (CardSheetPdf sheet = new CardSheetPdf()) {
            for (CardRegister.Entry e : entries) {
                MemberCard card = card(requests.get(issued.size()), e.serial(), e.memberId());
                String token = CardToken.sign(card, key.privateKey());
                CardVerdict v = selfCheck.verify(token, card.validFrom().atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant());
                if (!(v instanceof CardVerdict.Accepted a) || !a.card().equals(card)) {
                    throw new ProvisioningException(ProvisioningException.FAILED, "self-check of card " + e.serial()
                            + " failed: " + v);
                }
                BufferedImage img = renderer.render(card, token, unionName.strip());
                Path png = outDir.resolve("card-" + e.serial() + ".png");
                if (Files.exists(png)) {
                    LOG.warn("replacing {}", png);
                }
                PngFiles.write(img, png, CardImageRenderer.DPI);
                if (pdf) {
                    sheet.add(img);
                }
                issued.add(new IssuedCard(card, token, png));
            }
            if (pdf) {
                sheet.save(outDir.resolve(PDF_NAME));
            }
        } catch (IOException e) {
            throw new ProvisioningException(ProvisioningException.FAILED, "cannot write cards in " + outDir + ": " + e
                    + " (serials " + entries.getFirst().serial() + ".." + entries.getLast().serial()
                    + " are recorded in " + register.file() + " and will not be used again)", e);
        }
        return issued;
    }

    private MemberCard card(CardRequest r, long serial, MemberCard.MemberId member) {
        return new MemberCard(key.districtId(), serial, member, r.category(), r.validFrom(), r.validUntil(), key.keyId());
    }
}
