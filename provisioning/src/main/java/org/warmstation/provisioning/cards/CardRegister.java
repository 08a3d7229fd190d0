package org.warmstation.provisioning.cards;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.warmstation.protocol.card.MemberCard;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.provisioning.ProvisioningException;

/**
 * The register of issued cards, {@code issued-cards.csv} beside the district key: one line per
 * card ({@code serial,member_id,category,valid_from,valid_until,issued_at}), appended, never
 * rewritten. Serials are allocated from it, so a serial is never issued twice, even by two
 * issuing runs at once (the file is locked while serials are allocated and recorded). It holds no
 * names, phone numbers or ID numbers. Methods block on file I/O.
 */
public final class CardRegister {
    /** File name of the register. */
    public static final String FILE_NAME = "issued-cards.csv";
    /** First line of the register. */
    public static final String HEADER = "serial,member_id,category,valid_from,valid_until,issued_at";

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * One register line.
     *
     * @param serial     card serial
     * @param memberId   member id
     * @param category   worker category
     * @param validFrom  first valid day
     * @param validUntil last valid day
     * @param issuedAt   when the card was recorded
     */
    public record Entry(long serial, MemberCard.MemberId memberId, WorkerCategory category, LocalDate validFrom,
                        LocalDate validUntil, Instant issuedAt) {
        String csv() {
            return serial + "," + memberId.hex() + "," + category.name() + "," + validFrom + "," + validUntil + ","
                    + issuedAt;
        }
    }

    private final Path file;

    /**
     * @param file the register file; created on first use
     */
    public CardRegister(Path file) {
        this.file = file;
    }

    /**
     * @param keyFile a district key file
     * @return the register beside it
     */
    public static CardRegister besideKey(Path keyFile) {
        Path dir = keyFile.toAbsolutePath().getParent();
        return new CardRegister(dir.resolve(FILE_NAME));
    }

    /** @return the register file */
    public Path file() {
        return file;
    }

    /**
     * Allocates a serial and member id for every request and records them, all or none.
     *
     * @param requests the cards to issue
     * @param now      the issue instant recorded
     * @return one entry per request, in request order
     * @throws ProvisioningException when a requested serial was already issued (or is asked twice),
     *                               the serials run out, or the register is unreadable or cannot be
     *                               written
     */
    public List<Entry> register(List<CardRequest> requests, Instant now) throws ProvisioningException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
             FileLock lock = ch.lock()) {
            Map<Long, Entry> issued = new HashMap<>();
            for (Entry e : parse(read(ch))) {
                issued.put(e.serial(), e);
            }
            long next = issued.keySet().stream().mapToLong(Long::longValue).max().orElse(0) + 1;
            List<Entry> entries = new ArrayList<>();
            for (CardRequest r : requests) {
                long serial;
                if (r.serial().isPresent()) {
                    serial = r.serial().getAsLong();
                    if (serial < 1 || serial > 0xffff_ffffL) {
                        throw new ProvisioningException(ProvisioningException.USAGE,
                                "serial " + serial + " is outside 1..4294967295");
                    }
                    Entry old = issued.get(serial);
                    if (old != null) {
                        throw new ProvisioningException(ProvisioningException.FAILED, "serial " + serial
                                + " was already issued on " + old.issuedAt() + " (" + file + "); serials never repeat");
                    }
                } else {
                    while (issued.containsKey(next)) {
                        next++;
                    }
                    serial = next++;
                    if (serial > 0xffff_ffffL) {
                        throw new ProvisioningException(ProvisioningException.FAILED, "no card serials left");
                    }
                }
                MemberCard.MemberId member = r.memberId().orElseGet(CardRegister::randomMemberId);
                Entry e = new Entry(serial, member, r.category(), r.validFrom(), r.validUntil(), now);
                issued.put(serial, e);
                entries.add(e);
            }
            StringBuilder sb = new StringBuilder();
            if (ch.size() == 0) {
                sb.append(HEADER).append('\n');
            }
            entries.forEach(e -> sb.append(e.csv()).append('\n'));
            ch.position(ch.size());
            ByteBuffer buf = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
            return entries;
        } catch (IOException e) {
            throw new ProvisioningException(ProvisioningException.FAILED, "cannot update the card register " + file
                    + ": " + e, e);
        }
    }

    /**
     * @return every entry of the register, in file order (empty when there is no register yet)
     * @throws ProvisioningException when the register is unreadable or corrupt
     */
    public List<Entry> entries() throws ProvisioningException {
        if (!java.nio.file.Files.exists(file)) {
            return List.of();
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return parse(read(ch));
        } catch (IOException e) {
            throw new ProvisioningException(ProvisioningException.FAILED, "cannot read the card register " + file, e);
        }
    }

    private static MemberCard.MemberId randomMemberId() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return new MemberCard.MemberId(b);
    }

    private static String read(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(ch.size()));
        ch.position(0);
        while (buf.hasRemaining() && ch.read(buf) >= 0) {
            // keep reading
        }
        return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
    }

    private List<Entry> parse(String text) throws ProvisioningException {
        List<Entry> entries = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.equals(HEADER) || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",", -1);
            try {
                if (f.length != 6) {
                    throw new IllegalArgumentException("expected 6 columns");
                }
                entries.add(new Entry(Long.parseLong(f[0]), MemberCard.MemberId.ofHex(f[1]), WorkerCategory.valueOf(f[2]),
                        LocalDate.parse(f[3]), LocalDate.parse(f[4]), Instant.parse(f[5])));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new ProvisioningException(ProvisioningException.FAILED, "card register " + file + " line " + (i + 1)
                        + " is corrupt (" + e.getMessage() + "); fix it by hand before issuing more cards", e);
            }
        }
        return entries;
    }
}
