package org.warmstation.provisioning.cards;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.warmstation.kiosk.card.CategoryLabels;
import org.warmstation.protocol.card.MemberCard;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.provisioning.ProvisioningException;

/**
 * Reads a batch of card requests from a UTF-8 CSV file with the columns
 * {@code category,valid_from,valid_until[,member_id]}: category as enum name (COURIER) or Chinese
 * label (快递员), dates as YYYY-MM-DD, member id as 16 hex digits. A header line, blank lines,
 * {@code #} comments, a UTF-8 byte-order mark (as Excel writes) and full-width commas are
 * accepted. More columns are refused: names, phone or ID numbers never belong in it.
 */
public final class CardCsv {
    /** Most rows one batch may hold. */
    public static final int MAX_ROWS = 10_000;

    private CardCsv() {
    }

    /**
     * @param file the CSV file
     * @return one request per data row, in file order
     * @throws ProvisioningException (usage) naming the file and line of the first bad row, or when
     *                               the file is missing, unreadable, not UTF-8 or has no rows
     */
    public static List<CardRequest> read(Path file) throws ProvisioningException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw usage(file + " does not exist", e);
        } catch (CharacterCodingException e) {
            throw usage(file + " is not UTF-8 text; save it as 'CSV UTF-8'", e);
        } catch (IOException e) {
            throw usage("cannot read " + file + ": " + e, e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<CardRequest> requests = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")
                    || line.toLowerCase(Locale.ROOT).startsWith("category")) {
                continue;
            }
            try {
                requests.add(row(line.replace('，', ',').split(",", -1)));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw usage(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
            if (requests.size() > MAX_ROWS) {
                throw usage(file + " has more than " + MAX_ROWS + " cards; split it", null);
            }
        }
        if (requests.isEmpty()) {
            throw usage(file + " lists no cards (columns: category,valid_from,valid_until[,member_id])", null);
        }
        return requests;
    }

    private static CardRequest row(String[] f) {
        if (f.length < 3 || f.length > 4) {
            throw new IllegalArgumentException("expected category,valid_from,valid_until[,member_id] but found "
                    + f.length + " columns (never put names, phone or ID numbers in this file)");
        }
        WorkerCategory category = category(f[0]);
        LocalDate from = date("valid_from", f[1]);
        LocalDate until = date("valid_until", f[2]);
        Optional<MemberCard.MemberId> member = Optional.empty();
        if (f.length == 4 && !f[3].isBlank()) {
            try {
                member = Optional.of(MemberCard.MemberId.ofHex(f[3].strip().toLowerCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("member_id must be 16 hex digits (found '" + f[3].strip() + "')");
            }
        }
        return new CardRequest(category, from, until, member, OptionalLong.empty());
    }

    /**
     * @param text a category as a person writes it
     * @return the category
     * @throws IllegalArgumentException listing the accepted names when the text names none
     */
    public static WorkerCategory category(String text) {
        return CategoryLabels.parse(text).orElseThrow(() -> new IllegalArgumentException("unknown category '"
                + text.strip() + "'; use one of " + Arrays.stream(WorkerCategory.values())
                .map(c -> c.name() + "/" + CategoryLabels.chinese(c)).collect(Collectors.joining(", "))));
    }

    private static LocalDate date(String column, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(column + " must be a date YYYY-MM-DD (found '" + text.strip() + "')");
        }
    }

    private static ProvisioningException usage(String message, Throwable cause) {
        return new ProvisioningException(ProvisioningException.USAGE, message, cause);
    }
}
