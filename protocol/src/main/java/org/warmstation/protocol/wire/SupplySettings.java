package org.warmstation.protocol.wire;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The supply and rating settings of a station (issue 12): the items it stocks and whether the
 * kiosk asks for a satisfaction rating after a check-in. Meant as the trailing {@code supplies}
 * field of the district's {@code StationSettings} document (see
 * {@code /work/coord/settings-fields.md}); until then the kiosk uses {@link #DEFAULT}. Immutable.
 *
 * @param items          the items, 0..32, distinct codes, in the order the kiosk shows them
 * @param ratingsEnabled whether the rating row appears after a check-in
 */
public record SupplySettings(List<SupplyItem> items, boolean ratingsEnabled) {
    /** The default list: gloves, hats, cotton shoes, hand warmers, masks, drinks; ratings on. */
    public static final SupplySettings DEFAULT = new SupplySettings(List.of(
            new SupplyItem("GLOVES", "手套", "Gloves", "双", "pair", 10, 1),
            new SupplyItem("HATS", "帽子", "Hat", "顶", "piece", 10, 1),
            new SupplyItem("COTTON_SHOES", "棉鞋", "Cotton shoes", "双", "pair", 5, 1),
            new SupplyItem("HAND_WARMERS", "暖贴", "Hand warmers", "片", "piece", 20, 20),
            new SupplyItem("MASKS", "口罩", "Masks", "个", "piece", 20, 0),
            new SupplyItem("DRINKS", "饮品", "Drinks", "瓶", "bottle", 12, 0)), true);

    /** @throws IllegalArgumentException for too many items or a code listed twice */
    public SupplySettings {
        items = List.copyOf(items == null ? List.of() : items);
        if (items.size() > 32) {
            throw new IllegalArgumentException("at most 32 supply items, not " + items.size());
        }
        if (items.stream().map(SupplyItem::code).collect(java.util.stream.Collectors.toCollection(HashSet::new)).size()
                != items.size()) {
            throw new IllegalArgumentException("a supply item code is listed twice");
        }
    }

    /**
     * @param code an item code
     * @return the item, if the station stocks it
     */
    public Optional<SupplyItem> item(String code) {
        return items.stream().filter(i -> i.code().equals(code)).findFirst();
    }
}
