package org.warmstation.protocol.card;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The district public keys a station trusts, with what each may sign, the instant the list was
 * issued and its version. The issue
 * instant is a lower bound on the current time: a station whose clock has not been synced never
 * judges a card's validity on a clock earlier than it.
 *
 * <p>Text form (UTF-8, one item per line, {@code #} starts a comment):
 * <pre>
 * warm-station-trust-list 1
 * issued 2026-11-21T02:00:00Z
 * version 3
 * key 3fa2 110105 MCowBQYDK2VwAyEA... card,enrollment
 * key 81c0 110105 MCowBQYDK2VwAyEA... downlink
 * </pre>
 * where a key line holds the key id (4 hex digits), the district id, the Base64 X.509 key and,
 * since issue 11, optionally what the key may sign ({@link KeyPurpose}, comma-separated). A key
 * line without purposes (every list written before issue 11) keeps its old meaning: the key
 * signs everything (cards, enrollment codes, downlinks). The {@code version} line is optional
 * (absent: version 0, a list made before issue 11); the district raises it with each change.
 * {@link #format()} writes neither for a list that has no version and only all-purpose keys, so
 * such a list is still read by terminals before issue 11.
 *
 * @param issuedAt when the list was issued (UTC)
 * @param keys     the trusted keys, in file order
 * @param version  the list's version, 0 when unversioned
 */
public record TrustList(Instant issuedAt, List<TrustedKey> keys, long version) {
    private static final String HEADER = "warm-station-trust-list 1";

    /** @throws IllegalArgumentException when the version is negative */
    public TrustList {
        Objects.requireNonNull(issuedAt, "issuedAt");
        keys = List.copyOf(keys);
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative: " + version);
        }
    }

    /**
     * An unversioned list (as before issue 11).
     *
     * @param issuedAt when the list was issued
     * @param keys     the trusted keys
     */
    public TrustList(Instant issuedAt, List<TrustedKey> keys) {
        this(issuedAt, keys, 0);
    }

    /**
     * @param keyId a key id
     * @return every trusted key with that id, whatever its purpose, possibly none
     */
    public List<TrustedKey> keysWithId(int keyId) {
        return keys.stream().filter(k -> k.keyId() == keyId).toList();
    }

    /**
     * @param keyId   the key id a card, code or downlink names
     * @param purpose what it is
     * @return the trusted keys with that id that may sign it, possibly none
     */
    public List<TrustedKey> keysFor(int keyId, KeyPurpose purpose) {
        return keys.stream().filter(k -> k.keyId() == keyId && k.allows(purpose)).toList();
    }

    /**
     * Why no key may sign something: names the purposes of the keys with that id.
     *
     * @param keyId   the key id
     * @param purpose what was signed
     * @return e.g. {@code key id 3fa2 is not a downlink key (card)} or {@code key id 3fa2}
     */
    public String noKeyDetail(int keyId, KeyPurpose purpose) {
        List<TrustedKey> other = keysWithId(keyId);
        String id = String.format("key id %04x", keyId);
        String article = purpose == KeyPurpose.ENROLLMENT || purpose == KeyPurpose.UPDATE ? " an " : " a ";
        return other.isEmpty() ? id : id + " is not" + article + purpose.label() + " key ("
                + String.join("; ", other.stream().map(k -> KeyPurpose.format(k.purposes())).toList()) + ")";
    }

    /**
     * @param newVersion the version of the new list
     * @param newIssued  when it is issued
     * @param added      keys added to this list's
     * @return a new list with this list's keys and the added ones
     */
    public TrustList plus(long newVersion, Instant newIssued, List<TrustedKey> added) {
        List<TrustedKey> all = new java.util.ArrayList<>(keys);
        all.addAll(added);
        return new TrustList(newIssued, all, newVersion);
    }

    /** @return the text form described above, ending with a newline */
    public String format() {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        sb.append("issued ").append(issuedAt).append('\n');
        if (version > 0) {
            sb.append("version ").append(version).append('\n');
        }
        for (TrustedKey k : keys) {
            sb.append("key ").append(String.format("%04x", k.keyId())).append(' ')
                    .append(k.districtId()).append(' ').append(k.encodedKey());
            if (!k.allPurposes()) {
                sb.append(' ').append(KeyPurpose.format(k.purposes()));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * Parses the text form.
     *
     * @param text the whole file
     * @return the list
     * @throws IllegalArgumentException naming the line when the text is not a valid trust list
     */
    public static TrustList parse(String text) {
        Objects.requireNonNull(text, "text");
        Instant issued = null;
        long version = 0;
        boolean header = false;
        List<TrustedKey> keys = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int n = i + 1;
            if (!header) {
                if (!line.equals(HEADER)) {
                    throw new IllegalArgumentException("line " + n + ": expected '" + HEADER + "'");
                }
                header = true;
                continue;
            }
            String[] f = line.split("\\s+");
            try {
                switch (f[0]) {
                    case "issued" -> {
                        if (f.length != 2) {
                            throw new IllegalArgumentException("'issued' takes one instant");
                        }
                        issued = Instant.parse(f[1]);
                    }
                    case "version" -> {
                        if (f.length != 2) {
                            throw new IllegalArgumentException("'version' takes one number");
                        }
                        version = Long.parseLong(f[1]);
                    }
                    case "key" -> {
                        if (f.length != 4 && f.length != 5) {
                            throw new IllegalArgumentException("'key' takes: id district base64-key [purposes]");
                        }
                        if (f[1].length() != 4) {
                            throw new IllegalArgumentException("key id must be 4 hex digits");
                        }
                        int id = HexFormat.fromHexDigits(f[1]);
                        keys.add(new TrustedKey(id, Integer.parseInt(f[2]), TrustedKey.decodeKey(f[3]),
                                f.length == 5 ? KeyPurpose.parse(f[4]) : KeyPurpose.legacy()));
                    }
                    default -> throw new IllegalArgumentException("unknown item '" + f[0] + "'");
                }
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + n + ": " + e.getMessage(), e);
            }
        }
        if (!header) {
            throw new IllegalArgumentException("not a trust list: header '" + HEADER + "' missing");
        }
        if (issued == null) {
            throw new IllegalArgumentException("'issued' line missing");
        }
        return new TrustList(issued, keys, version);
    }
}
