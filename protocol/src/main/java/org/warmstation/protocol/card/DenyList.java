package org.warmstation.protocol.card;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Card serials revoked by their districts (lost or withdrawn cards), and the list's version.
 *
 * <p>Text form: one {@code districtId serial} pair per line, {@code #} starts a comment, and
 * (since issue 11) an optional {@code version N} line: the district raises N with each change;
 * a list without it (made before issue 11, or by hand) has version 0. Immutable and thread-safe.
 */
public final class DenyList {
    private final Set<Long> entries;
    private final long version;

    private DenyList(Set<Long> entries, long version) {
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative: " + version);
        }
        this.entries = Set.copyOf(entries);
        this.version = version;
    }

    /** @return a list revoking nothing, version 0 */
    public static DenyList empty() {
        return new DenyList(Set.of(), 0);
    }

    /** @return the version, 0 when unversioned */
    public long version() {
        return version;
    }

    /**
     * @param newVersion the version
     * @return the same entries with that version
     * @throws IllegalArgumentException when it is negative
     */
    public DenyList withVersion(long newVersion) {
        return new DenyList(entries, newVersion);
    }

    /**
     * @param districtId district of the card
     * @param serial     card serial
     * @return a new list with that card added
     */
    public DenyList with(int districtId, long serial) {
        Set<Long> s = new HashSet<>(entries);
        s.add(key(districtId, serial));
        return new DenyList(s, version);
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

    /** @return the text form, one entry a line, sorted; the version line only when the version is above 0 */
    public String format() {
        StringBuilder sb = new StringBuilder("# warm-station deny-list: district serial\n");
        if (version > 0) {
            sb.append("version ").append(version).append('\n');
        }
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
        long version = 0;
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            try {
                if (f.length != 2) {
                    throw new IllegalArgumentException("expected 'district serial' or 'version N'");
                }
                if (f[0].equals("version")) {
                    version = Long.parseLong(f[1]);
                    continue;
                }
                s.add(key(Integer.parseInt(f[0]), Long.parseLong(f[1])));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("deny-list line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new DenyList(s, version);
    }

    private static long key(int district, long serial) {
        if (district < 1 || district > MemberCard.MAX_DISTRICT_ID || serial < 1 || serial > 0xffff_ffffL) {
            throw new IllegalArgumentException("district or serial out of range");
        }
        return ((long) district << 32) | serial;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DenyList d && d.entries.equals(entries) && d.version == version;
    }

    @Override
    public int hashCode() {
        return entries.hashCode() * 31 + Long.hashCode(version);
    }
}
