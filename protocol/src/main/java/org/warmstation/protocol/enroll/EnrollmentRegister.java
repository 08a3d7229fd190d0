package org.warmstation.protocol.enroll;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.warmstation.protocol.wire.EnrollRequest;
import org.warmstation.protocol.wire.EnrollTopics;

/**
 * What the district must know of an issued enrollment code before a terminal presents it (decision
 * 0181): the office's {@code station enroll} writes it as {@code enroll-ID.register} beside the QR
 * sheet, the district imports it with {@code district-server enrollment register FILE}. It holds no
 * secret in clear: the code's credential only as the Mosquitto password-file line of the code's
 * enrollment account ({@code enroll.<station>:$7$...}, PBKDF2-SHA512). Text format, one
 * {@code key=value} per line, {@code #} comments:
 * {@code code}, {@code district}, {@code station}, {@code expires} (ISO-8601 instant),
 * {@code account} (the password-file line). Immutable; no I/O.
 *
 * @param codeId      the code's id ({@link EnrollmentToken#codeId})
 * @param districtId  the district
 * @param stationId   the station
 * @param expiresAt   the code's expiry
 * @param accountLine the enrollment account's Mosquitto password-file line
 */
public record EnrollmentRegister(String codeId, int districtId, String stationId, Instant expiresAt,
                                 String accountLine) {
    /**
     * @throws IllegalArgumentException naming the first invalid field
     * @throws NullPointerException     when a field is null
     */
    public EnrollmentRegister {
        Objects.requireNonNull(codeId, "code");
        Objects.requireNonNull(stationId, "station");
        Objects.requireNonNull(expiresAt, "expires");
        Objects.requireNonNull(accountLine, "account");
        if (!EnrollRequest.CODE_ID_PATTERN.matcher(codeId).matches()) {
            throw new IllegalArgumentException("code: must be 16 lower-case hex digits");
        }
        if (!stationId.matches("[A-Z0-9-]{1,16}")) {
            throw new IllegalArgumentException("station: must be 1-16 of A-Z 0-9 '-'");
        }
        if (districtId < 1 || districtId > 0xff_ffff) {
            throw new IllegalArgumentException("district: out of range: " + districtId);
        }
        if (!accountLine.startsWith(EnrollTopics.account(stationId) + ":$7$") || accountLine.contains("\n")
                || accountLine.length() > 300) {
            throw new IllegalArgumentException("account: must be the password-file line of "
                    + EnrollTopics.account(stationId) + " ($7$ hash)");
        }
    }

    /** @return the register file's text */
    public String format() {
        return "# warm-station enrollment register (decision 0181): import on the district host with\n"
                + "#   district-server enrollment register THIS-FILE\n"
                + "code=" + codeId + "\ndistrict=" + districtId + "\nstation=" + stationId + "\nexpires=" + expiresAt
                + "\naccount=" + accountLine + "\n";
    }

    /**
     * @param text a register file's text
     * @return the register
     * @throws IllegalArgumentException naming what is missing or invalid
     */
    public static EnrollmentRegister parse(String text) {
        Map<String, String> v = new LinkedHashMap<>();
        for (String line : text.lines().map(String::strip).toList()) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("not key=value: '" + (line.length() > 40 ? line.substring(0, 40) : line) + "'");
            }
            v.put(line.substring(0, eq), line.substring(eq + 1));
        }
        for (String k : new String[] {"code", "district", "station", "expires", "account"}) {
            if (!v.containsKey(k)) {
                throw new IllegalArgumentException(k + ": missing");
            }
        }
        try {
            return new EnrollmentRegister(v.get("code"), Integer.parseInt(v.get("district")), v.get("station"),
                    Instant.parse(v.get("expires")), v.get("account"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("district: not a number", e);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expires: not an ISO-8601 instant", e);
        }
    }
}
