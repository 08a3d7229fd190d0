package org.warmstation.district.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.warmstation.protocol.wire.SupplyItem;
import org.warmstation.protocol.wire.SupplySettings;

/**
 * The supply items of a settings document as an admin edits them: one item a line,
 * {@code CODE lowAt perMemberLimit} (e.g. {@code GLOVES 10 1}: low stock below 10 pairs, one pair
 * per member and season; 0 = no limit), in the kiosk's order. Only known items can be listed: the
 * items of the station's previous document and the default six ({@link SupplySettings#DEFAULT});
 * their names and units come from there. A {@code ;} also ends a line (for the command line), blank
 * lines and {@code #} comments are skipped. Stateless.
 */
public final class SupplyLines {
    private SupplyLines() {
    }

    /**
     * @param items the items
     * @return one {@code CODE lowAt perMemberLimit} line each, each line ending in a newline
     */
    public static String format(List<SupplyItem> items) {
        return items.stream().map(i -> i.code() + " " + i.lowAt() + " " + i.perMemberLimit() + "\n")
                .collect(Collectors.joining());
    }

    /**
     * @param text  the lines as entered
     * @param known items whose names and units are kept (the previous document's first, then the defaults)
     * @return the items in the order entered; empty for a blank text
     * @throws IllegalArgumentException naming the line and what is wrong (an unknown code, a code
     *                                  listed twice, a count that is not a whole number or out of range)
     */
    public static List<SupplyItem> parse(String text, List<SupplyItem> known) {
        Map<String, SupplyItem> byCode = new LinkedHashMap<>();
        known.forEach(i -> byCode.putIfAbsent(i.code(), i));
        SupplySettings.DEFAULT.items().forEach(i -> byCode.putIfAbsent(i.code(), i));
        List<SupplyItem> out = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.split("\\R|;");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = "supplies line " + (n + 1) + " '" + line + "': ";
            String[] parts = line.split("\\s+");
            if (parts.length != 3) {
                throw new IllegalArgumentException(where + "expected CODE lowAt perMemberLimit, e.g. GLOVES 10 1");
            }
            String code = parts[0].toUpperCase(Locale.ROOT);
            SupplyItem item = byCode.get(code);
            if (item == null) {
                throw new IllegalArgumentException(where + "unknown item " + code + " (known: "
                        + String.join(", ", byCode.keySet()) + ")");
            }
            if (out.stream().anyMatch(i -> i.code().equals(code))) {
                throw new IllegalArgumentException(where + code + " is listed twice");
            }
            try {
                out.add(new SupplyItem(code, item.nameZh(), item.nameEn(), item.unitZh(), item.unitEn(),
                        whole(parts[1]), whole(parts[2])));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage(), e);
            }
        }
        return out;
    }

    private static int whole(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not a whole number");
        }
    }
}
