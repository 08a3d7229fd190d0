package org.warmstation.protocol.card;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Card serials revoked by their districts (lost or withdrawn cards).
 *
 * <p>Text form: one {@code districtId serial} pair per line, {@code #} starts a comment.
 * Immutable and thread-safe.
 */
public final class DenyList {
    private final Set<Long> entries;

    private DenyList(Set<Long> entries) {
        this.entries = Set.copyOf(entries);
    }

    /** @return a list revoking nothing */
    public static DenyList empty() {
        return new DenyList(Set.of());
    }

    /**
     * @param districtId district of the card
     * @param serial     card serial
     * @return a new list with that card added
     */
    public DenyList with(int districtId, long serial) {
        Set<Long> s = new HashSet<>(entries);
        s.add(key(districtId, serial));
        return new DenyList(s);
    }

    /**
     * @param card a card
     * @return whether its serial is revoked
     */
    public boolean isRevoked(MemberCard card) {
        return entries.contains(key(card.districtId(), card.cardSerial()));
    }

    /** @return the number of revoked cards */
    public int size() {
        return entries.size();
    }

    /** @return the text form, one entry a line, sorted */
    public String format() {
        StringBuilder sb = new StringBuilder("# warm-station deny-list: district serial\n");
        entries.stream().sorted().forEach(k -> sb.append(k >>> 32).append(' ').append(k & 0xffff_ffffL).append('\n'));
        return sb.toString();
    }

    /**
     * @param text the text form
     * @return the list
     * @throws IllegalArgumentException naming the line when a line is not two numbers
     */
    public static DenyList parse(String text) {
        Objects.requireNonNull(text, "text");
        Set<Long> s = new HashSet<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            try {
                if (f.length != 2) {
                    throw new IllegalArgumentException("expected 'district serial'");
                }
                s.add(key(Integer.parseInt(f[0]), Long.parseLong(f[1])));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("deny-list line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new DenyList(s);
    }

    private static long key(int district, long serial) {
        if (district < 1 || district > MemberCard.MAX_DISTRICT_ID || serial < 1 || serial > 0xffff_ffffL) {
            throw new IllegalArgumentException("district or serial out of range");
        }
        return ((long) district << 32) | serial;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DenyList d && d.entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }
}
