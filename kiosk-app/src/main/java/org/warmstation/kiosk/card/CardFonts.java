package org.warmstation.kiosk.card;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.warmstation.protocol.card.WorkerCategory;

/**
 * Finds an installed font that can display every Chinese text printed on a member card.
 * Thread-safe; the first lookup asks the AWT font system (fontconfig on Linux) and may take a
 * few hundred milliseconds.
 */
public final class CardFonts {
    /** Families tried first, in order; any other installed family that displays the texts is used otherwise. */
    static final List<String> PREFERRED = List.of("WenQuanYi Zen Hei", "Noto Sans CJK SC", "Noto Sans SC",
            "Source Han Sans SC", "WenQuanYi Micro Hei", "Droid Sans Fallback", "AR PL UMing CN");

    /** The Debian / Raspberry Pi OS package that provides a suitable font. */
    public static final String FONT_PACKAGE = "fonts-wqy-zenhei";

    private CardFonts() {
    }

    /** @return every text the card prints in Chinese: the title and all category labels */
    public static String chineseSample() {
        StringBuilder sb = new StringBuilder("暖心驿站 会员卡 有效期 北京市朝阳区总工会");
        for (WorkerCategory c : WorkerCategory.values()) {
            sb.append(CategoryLabels.chinese(c));
        }
        return sb.toString();
    }

    /**
     * @param text any text
     * @return the preferred installed font family that displays all of it, if any
     */
    public static Optional<String> findFamily(String text) {
        String[] installed = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
        for (String family : PREFERRED) {
            if (Arrays.asList(installed).contains(family) && displays(family, text)) {
                return Optional.of(family);
            }
        }
        return Arrays.stream(installed).filter(f -> !isLogical(f)).filter(f -> displays(f, text)).findFirst();
    }

    /**
     * @return a plain 12-point font of a family that displays all card texts
     * @throws IllegalStateException naming the package to install when no installed font can
     *                               display Chinese
     */
    public static Font chineseFont() {
        return findFamily(chineseSample()).map(f -> new Font(f, Font.PLAIN, 12)).orElseThrow(() ->
                new IllegalStateException("no installed font can display Chinese text such as 暖心驿站; install one,"
                        + " e.g. 'sudo apt-get install " + FONT_PACKAGE + "' (or fonts-noto-cjk)"));
    }

    private static boolean displays(String family, String text) {
        return new Font(family, Font.PLAIN, 12).canDisplayUpTo(text) == -1;
    }

    private static boolean isLogical(String family) {
        return switch (family) {
            case Font.DIALOG, Font.DIALOG_INPUT, Font.SANS_SERIF, Font.SERIF, Font.MONOSPACED -> true;
            default -> false;
        };
    }
}
