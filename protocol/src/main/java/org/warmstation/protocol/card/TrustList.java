package org.warmstation.protocol.card;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The district public keys a station trusts, with the instant the list was issued. The issue
 * instant is a lower bound on the current time: a station whose clock has not been synced never
 * judges a card's validity on a clock earlier than it.
 *
 * <p>Text form (UTF-8, one item per line, {@code #} starts a comment):
 * <pre>
 * warm-station-trust-list 1
 * issued 2026-11-21T02:00:00Z
 * key 3fa2 110105 MCowBQYDK2VwAyEA...
 * </pre>
 * where a key line holds the key id (4 hex digits), the district id and the Base64 X.509 key.
 *
 * @param issuedAt when the list was issued (UTC)
 * @param keys     the trusted keys, in file order
 */
public record TrustList(Instant issuedAt, List<TrustedKey> keys) {
    private static final String HEADER = "warm-station-trust-list 1";

    public TrustList {
        Objects.requireNonNull(issuedAt, "issuedAt");
        keys = List.copyOf(keys);
    }

    /**
     * @param keyId a card's key id
     * @return every trusted key with that id, possibly none
     */
    public List<TrustedKey> keysWithId(int keyId) {
        return keys.stream().filter(k -> k.keyId() == keyId).toList();
    }

    /** @return the text form described above, ending with a newline */
    public String format() {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        sb.append("issued ").append(issuedAt).append('\n');
        for (TrustedKey k : keys) {
            sb.append("key ").append(String.format("%04x", k.keyId())).append(' ')
                    .append(k.districtId()).append(' ').append(k.encodedKey()).append('\n');
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
                    case "key" -> {
                        if (f.length != 4) {
                            throw new IllegalArgumentException("'key' takes: id district base64-key");
                        }
                        if (f[1].length() != 4) {
                            throw new IllegalArgumentException("key id must be 4 hex digits");
                        }
                        int id = HexFormat.fromHexDigits(f[1]);
                        keys.add(new TrustedKey(id, Integer.parseInt(f[2]), TrustedKey.decodeKey(f[3])));
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
        return new TrustList(issued, keys);
    }
}
