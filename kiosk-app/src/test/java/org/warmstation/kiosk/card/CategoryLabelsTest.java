package org.warmstation.kiosk.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.warmstation.protocol.card.WorkerCategory;

class CategoryLabelsTest {

    @ParameterizedTest
    @EnumSource(WorkerCategory.class)
    void everyLabelAndNameParsesBackToItsCategory(WorkerCategory c) {
        assertEquals(Optional.of(c), CategoryLabels.parse(c.name()));
        assertEquals(Optional.of(c), CategoryLabels.parse(c.name().toLowerCase()));
        assertEquals(Optional.of(c), CategoryLabels.parse(" " + CategoryLabels.chinese(c) + " "));
        assertEquals(Optional.of(c), CategoryLabels.parse(CategoryLabels.english(c).toUpperCase()));
    }

    @Test
    void chineseLabelsAreDistinct() {
        Set<String> seen = new HashSet<>();
        for (WorkerCategory c : WorkerCategory.values()) {
            assertTrue(seen.add(CategoryLabels.chinese(c)), CategoryLabels.chinese(c));
        }
    }

    @Test
    void unknownTextIsNoCategory() {
        assertEquals(Optional.empty(), CategoryLabels.parse("厨师"));
        assertEquals(Optional.empty(), CategoryLabels.parse(""));
        assertEquals(Optional.empty(), CategoryLabels.parse(null));
    }

    @Test
    void knownLabelsReadAsExpected() {
        assertEquals(Optional.of(WorkerCategory.FOOD_DELIVERY), CategoryLabels.parse("外卖骑手"));
        assertEquals(Optional.of(WorkerCategory.SANITATION), CategoryLabels.parse("环卫工人"));
        assertEquals(Optional.of(WorkerCategory.FOOD_DELIVERY), CategoryLabels.parse("food-delivery"));
    }
}
