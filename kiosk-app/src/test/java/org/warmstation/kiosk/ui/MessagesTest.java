package org.warmstation.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.warmstation.visitlog.domain.Service;
import org.warmstation.protocol.card.RejectionReason;
import org.warmstation.protocol.card.WorkerCategory;

class MessagesTest {
    private final Messages zh = Messages.of(KioskViewModel.CHINESE);
    private final Messages en = Messages.of(KioskViewModel.ENGLISH);

    private static Set<String> keys(Messages m) {
        return new TreeSet<>(Collections.list(m.bundle().getKeys()));
    }

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertEquals(keys(zh), keys(en));
    }

    @Test
    void everyCategoryServiceAndRejectionReasonHasItsOwnTextInBothLanguages() {
        Stream.of(WorkerCategory.values(), Service.values(), RejectionReason.values()).flatMap(Stream::of).forEach(e -> {
            String key = Messages.keyOf(e);
            assertTrue(zh.bundle().containsKey(key), key);
            assertNotEquals(zh.get(key), en.get(key), key);
        });
        assertEquals(RejectionReason.values().length,
                Stream.of(RejectionReason.values()).map(zh::of).distinct().count());
    }

    @Test
    void chineseBundleIsReadAsUtf8() {
        assertEquals("此会员卡已过期", zh.of(RejectionReason.EXPIRED));
        assertEquals("热水", zh.of(Service.HOT_WATER));
        assertEquals("This card has expired", en.of(RejectionReason.EXPIRED));
    }

    @Test
    void placeholdersAreFilled() {
        assertEquals("PIN码错误，还可尝试 2 次", zh.get("pin.wrong", 2));
        assertFalse(en.get("already.detail", "10:30").contains("{0}"));
    }

    @Test
    void missingKeyShowsTheKeyInsteadOfFailing() {
        assertEquals("no.such.key", zh.get("no.such.key"));
    }
}
