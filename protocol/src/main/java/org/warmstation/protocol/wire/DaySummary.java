package org.warmstation.protocol.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Objects;
import java.util.UUID;
import org.warmstation.protocol.card.Ed25519;
import org.warmstation.protocol.card.TrustedKey;

/**
 * A station's signed day-close ledger entry, station to district on
 * {@code ws/v1/{district}/{station}/ledger} at QoS 1 (schema {@code docs/schemas/ledger.schema.json}).
 *
 * <p>A summary covers the contiguous seq range {@code firstSeq..lastSeq} that follows the previous
 * day's summary (the first one starts at seq 1): the visits recorded up to the end of {@code date}
 * in the station's zone. An empty day has {@code visitCount 0} and {@code lastSeq = firstSeq - 1}.
 *
 * <p>Hash chain: {@code chainHash = SHA-256(previousHash || uuid(firstSeq) || … || uuid(lastSeq))},
 * each uuid as its 16 big-endian bytes, previousHash as 32 bytes (the first summary's previous hash
 * is 32 zero bytes, {@link #GENESIS_HASH}). Signature: Ed25519 by the station key over the UTF-8
 * of {@link #signedText()}. The district pins the first station key it sees for a station.
 *
 * @param schema       always {@link #SCHEMA}
 * @param district     the district
 * @param station      the station
 * @param date         the local date closed
 * @param zone         the station's IANA zone id
 * @param visitCount   visits in the range (= lastSeq - firstSeq + 1)
 * @param firstSeq     first seq covered, at least 1
 * @param lastSeq      last seq covered, firstSeq - 1 when empty
 * @param previousHash the previous day's chainHash, 64 lower-case hex digits
 * @param chainHash    this day's chain hash, 64 lower-case hex digits
 * @param stationKey   Base64 X.509 of the station's Ed25519 public key
 * @param signature    Base64 of the Ed25519 signature over {@link #signedText()}
 * @param epoch        the epoch of the visit log whose seqs the summary covers (seqs and the chain
 *                     start again at 1 and {@link #GENESIS_HASH} in a new epoch), or null from a log
 *                     older than epochs; signed when present (decision 0195)
 */
public record DaySummary(String schema, int district, String station, LocalDate date, String zone, long visitCount,
                         long firstSeq, long lastSeq, String previousHash, String chainHash, String stationKey,
                         String signature, UUID epoch) {
    /** Schema name and version. */
    public static final String SCHEMA = "ws.ledger/1";
    /** The previous hash of a station's first summary: 64 zeros. */
    public static final String GENESIS_HASH = "0".repeat(64);

    /** @throws IllegalArgumentException naming the first invalid field */
    public DaySummary {
        Check.schema(schema, SCHEMA);
        Check.district(district);
        Check.station(station);
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(zone, "zone");
        ZoneIds.of(zone);
        Check.positive("firstSeq", firstSeq);
        if (lastSeq < firstSeq - 1 || visitCount != lastSeq - firstSeq + 1) {
            throw new IllegalArgumentException("visitCount " + visitCount + " does not match seqs " + firstSeq + ".." + lastSeq);
        }
        hex("previousHash", previousHash);
        hex("chainHash", chainHash);
        Objects.requireNonNull(stationKey, "stationKey");
        Check.text("stationKey", stationKey, 200);
        Objects.requireNonNull(signature, "signature");
        Check.text("signature", signature, 200);
    }

    private static void hex(String what, String value) {
        Objects.requireNonNull(value, what);
        if (!Check.HEX_32_BYTES.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be 64 lower-case hex digits");
        }
    }

    /**
     * The chain hash over a day's visit uuids.
     *
     * @param previousHash previous day's chain hash (hex), or {@link #GENESIS_HASH}
     * @param uuidsInSeqOrder the uuids of firstSeq..lastSeq in seq order (streamed, not held)
     * @return 64 lower-case hex digits
     */
    public static String chain(String previousHash, Iterator<UUID> uuidsInSeqOrder) {
        hex("previousHash", previousHash);
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(HexFormat.of().parseHex(previousHash));
            ByteBuffer b = ByteBuffer.allocate(16);
            while (uuidsInSeqOrder.hasNext()) {
                UUID u = uuidsInSeqOrder.next();
                b.clear();
                b.putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
                d.update(b.array());
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * @return the text the signature covers: schema, district, station, date, zone, visitCount,
     *         firstSeq, lastSeq, previousHash, chainHash, stationKey and (only when present) epoch,
     *         each followed by a newline; a summary without epoch signs exactly what older
     *         terminals signed
     */
    public String signedText() {
        return String.join("\n", SCHEMA, Integer.toString(district), station, date.toString(), zone,
                Long.toString(visitCount), Long.toString(firstSeq), Long.toString(lastSeq), previousHash, chainHash,
                stationKey) + "\n" + (epoch == null ? "" : epoch + "\n");
    }

    /**
     * Builds and signs a summary.
     *
     * @param district     the district
     * @param station      the station
     * @param date         the local date
     * @param zone         the station zone
     * @param firstSeq     first seq covered
     * @param lastSeq      last seq covered (firstSeq - 1 when empty)
     * @param previousHash previous chain hash or {@link #GENESIS_HASH}
     * @param chainHash    from {@link #chain}
     * @param stationKey   the station's Ed25519 key pair
     * @return the signed summary
     * @throws IllegalArgumentException when a field is invalid
     */
    public static DaySummary sign(int district, String station, LocalDate date, ZoneId zone, long firstSeq,
                                  long lastSeq, String previousHash, String chainHash, KeyPair stationKey) {
        return sign(district, station, date, zone, firstSeq, lastSeq, previousHash, chainHash, stationKey, null);
    }

    /**
     * Builds and signs a summary of one visit-log epoch.
     *
     * @param district     the district
     * @param station      the station
     * @param date         the local date
     * @param zone         the station zone
     * @param firstSeq     first seq covered
     * @param lastSeq      last seq covered (firstSeq - 1 when empty)
     * @param previousHash previous chain hash or {@link #GENESIS_HASH}
     * @param chainHash    from {@link #chain}
     * @param stationKey   the station's Ed25519 key pair
     * @param epoch        the visit log's epoch, or null for a log without one
     * @return the signed summary
     * @throws IllegalArgumentException when a field is invalid
     */
    public static DaySummary sign(int district, String station, LocalDate date, ZoneId zone, long firstSeq,
                                  long lastSeq, String previousHash, String chainHash, KeyPair stationKey,
                                  UUID epoch) {
        String pub = Base64.getEncoder().encodeToString(stationKey.getPublic().getEncoded());
        DaySummary unsigned = new DaySummary(SCHEMA, district, station, date, zone.getId(), lastSeq - firstSeq + 1,
                firstSeq, lastSeq, previousHash, chainHash, pub, "", epoch);
        String sig = Base64.getEncoder().encodeToString(
                Ed25519.sign(stationKey.getPrivate(), unsigned.signedText().getBytes(StandardCharsets.UTF_8)));
        return new DaySummary(SCHEMA, district, station, date, zone.getId(), unsigned.visitCount(), firstSeq,
                lastSeq, previousHash, chainHash, pub, sig, epoch);
    }

    /**
     * @return whether the signature verifies with the summary's own {@code stationKey} (the caller
     *         also checks that key is the one pinned for the station)
     */
    public boolean signatureValid() {
        try {
            return Ed25519.verifies(TrustedKey.decodeKey(stationKey), signedText().getBytes(StandardCharsets.UTF_8),
                    Base64.getDecoder().decode(signature));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
