package org.warmstation.kiosk.demo;

import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.Optional;
import org.warmstation.protocol.card.RejectionReason;
import org.warmstation.protocol.card.WorkerCategory;

/**
 * One sample card of the demo card tray.
 *
 * @param id       short id, also the PNG's file name, e.g. {@code courier}
 * @param labelZh  button label in Chinese
 * @param labelEn  button label in English
 * @param qrText   the text of its QR code
 * @param image    the rendered card (or poster), as held in front of the camera
 * @param category the category printed on the card (a valid card welcomes this category)
 * @param expected the reason the station must reject it, or empty for a card it must accept
 */
public record DemoCard(String id, String labelZh, String labelEn, String qrText, BufferedImage image,
                       WorkerCategory category, Optional<RejectionReason> expected) {
    public DemoCard {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(qrText, "qrText");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(expected, "expected");
    }

    /** @return whether the station must accept this card */
    public boolean valid() {
        return expected.isEmpty();
    }
}
