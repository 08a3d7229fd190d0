package org.warmstation.provisioning.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.devices.scan.QrDecoder;
import org.warmstation.protocol.card.CardVerdict;
import org.warmstation.protocol.card.CardVerifier;
import org.warmstation.protocol.card.DenyList;
import org.warmstation.protocol.card.MemberCard;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.provisioning.CliRun;

class CardIssueTest {
    private static final String UNION = "北京市朝阳区总工会";

    @TempDir
    Path dir;
    Path keys;
    Path key;
    Path out;

    @BeforeEach
    void districtKey() {
        keys = dir.resolve("keys");
        out = dir.resolve("cards");
        CliRun r = CliRun.run("district", "init", "--district", "110105", "--dir", keys.toString());
        assertEquals(0, r.exitCode(), r.toString());
        key = keys.resolve("district-110105.key");
    }

    /** Decodes with the terminal's own decoder (plain ZXing misses ~1 random token in 150). */
    static String decode(Path png) throws Exception {
        return new QrDecoder().decode(ImageIO.read(png.toFile()))
                .orElseThrow(() -> new AssertionError("no QR code read in " + png));
    }

    private static String pixelsPerMetre(Path png) throws Exception {
        try (var in = ImageIO.createImageInputStream(png.toFile())) {
            var reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            var root = (org.w3c.dom.Element) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            var phys = (org.w3c.dom.Element) root.getElementsByTagName("pHYs").item(0);
            reader.dispose();
            return phys == null ? "none" : phys.getAttribute("pixelsPerUnitXAxis");
        }
    }

    private MemberCard accepted(Path png) throws Exception {
        TrustList trust = TrustList.parse(Files.readString(keys.resolve("trust-list.txt")));
        CardVerdict v = new CardVerifier(trust, DenyList.empty(), Set.of(110105), ZoneId.of("Asia/Shanghai"))
                .verify(decode(png), Instant.parse("2026-07-01T02:00:00Z"));
        assertTrue(v instanceof CardVerdict.Accepted, png + ": " + v);
        return ((CardVerdict.Accepted) v).card();
    }

    private List<Long> registerSerials() throws Exception {
        return new CardRegister(keys.resolve("issued-cards.csv")).entries().stream()
                .map(CardRegister.Entry::serial).toList();
    }

    @Test
    void singleCardPngDecodesToATokenTheVerifierAccepts() throws Exception {
        CliRun r = CliRun.run("card", "issue", "--key", key.toString(), "--category", "外卖骑手",
                "--valid-from", "2026-01-01", "--valid-until", "2026-12-31", "--union", UNION,
                "--out", out.toString(), "--member-id", "0011223344556677");
        assertEquals(0, r.exitCode(), r.toString());
        MemberCard card = accepted(out.resolve("card-1.png"));
        assertEquals(WorkerCategory.FOOD_DELIVERY, card.category());
        assertEquals(1, card.cardSerial());
        assertEquals(LocalDate.of(2026, 1, 1), card.validFrom());
        assertEquals(LocalDate.of(2026, 12, 31), card.validUntil());
        assertEquals("0011223344556677", card.memberId().hex());
        assertFalse(Files.exists(out.resolve("cards.pdf")), "a single card gets no print sheet");
        assertEquals("11811", pixelsPerMetre(out.resolve("card-1.png")), "300 dpi = 11811 pixels per metre");
        String register = Files.readString(keys.resolve("issued-cards.csv"));
        assertTrue(register.startsWith(CardRegister.HEADER + "\n1,0011223344556677,FOOD_DELIVERY,2026-01-01,2026-12-31,"),
                register);
    }

    @Test
    void csvBatchWritesDecodablePngsAndAPdfOfTwoPagesForTwelveCards() throws Exception {
        List<String> lines = new ArrayList<>(List.of("\uFEFFcategory,valid_from,valid_until,member_id"));
        WorkerCategory[] all = WorkerCategory.values();
        for (int i = 0; i < 12; i++) {
            String cat = i % 2 == 0 ? all[i % all.length].name() : org.warmstation.kiosk.card.CategoryLabels.chinese(all[i % all.length]);
            lines.add(cat + ",2026-03-01,2027-02-28" + (i == 5 ? ",a1b2c3d4e5f60718" : ""));
        }
        Path csv = dir.resolve("batch.csv");
        Files.write(csv, lines, StandardCharsets.UTF_8);
        CliRun r = CliRun.run("card", "issue", "--key", key.toString(), "--csv", csv.toString(), "--union", UNION,
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.toString());
        for (int serial = 1; serial <= 12; serial++) {
            MemberCard card = accepted(out.resolve("card-" + serial + ".png"));
            assertEquals(serial, card.cardSerial());
            assertEquals(all[(serial - 1) % all.length], card.category());
        }
        assertEquals("a1b2c3d4e5f60718", accepted(out.resolve("card-6.png")).memberId().hex());
        try (PDDocument pdf = Loader.loadPDF(out.resolve("cards.pdf").toFile())) {
            assertEquals(2, pdf.getNumberOfPages());
            assertEquals(595.28f, pdf.getPage(0).getMediaBox().getWidth(), 0.5f, "A4 width in points");
        }
    }

    @Test
    void serialsNeverRepeatAcrossBatchesAndExplicitSerials() throws Exception {
        Path csv = dir.resolve("five.csv");
        Files.write(csv, List.of("COURIER,2026-01-01,2026-12-31", "快递员,2026-01-01,2026-12-31",
                "SANITATION,2026-01-01,2026-12-31", "保安,2026-01-01,2026-12-31", "OTHER,2026-01-01,2026-12-31"));
        String[] batch = {"card", "issue", "--key", key.toString(), "--csv", csv.toString(), "--union", UNION,
                "--out", out.toString()};
        assertEquals(0, CliRun.run(batch).exitCode());
        CliRun single = CliRun.run("card", "issue", "--key", key.toString(), "--category", "COURIER", "--valid-from",
                "2026-01-01", "--valid-until", "2026-12-31", "--union", UNION, "--out", out.toString(), "--serial", "7");
        assertEquals(0, single.exitCode(), single.toString());
        assertEquals(0, CliRun.run(batch).exitCode());
        List<Long> serials = registerSerials();
        assertEquals(11, serials.size());
        assertEquals(11, new HashSet<>(serials).size(), "serials " + serials);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 7L, 8L, 9L, 10L, 11L, 12L), serials.stream().sorted().toList());
        Set<String> members = new HashSet<>();
        for (var e : new CardRegister(keys.resolve("issued-cards.csv")).entries()) {
            members.add(e.memberId().hex());
        }
        assertEquals(11, members.size(), "random member ids must differ");
    }

    @Test
    void serialAlreadyIssuedIsRefused() throws Exception {
        String[] one = {"card", "issue", "--key", key.toString(), "--category", "COURIER", "--valid-from",
                "2026-01-01", "--valid-until", "2026-12-31", "--union", UNION, "--out", out.toString(), "--serial", "3"};
        assertEquals(0, CliRun.run(one).exitCode());
        CliRun again = CliRun.run(one);
        assertEquals(1, again.exitCode(), again.toString());
        assertTrue(again.err().contains("serial 3 was already issued"), again.err());
        assertEquals(List.of(3L), registerSerials());
    }

    @Test
    void csvWithPersonalColumnsIsRefusedBeforeAnySerialIsUsed() throws Exception {
        Path csv = dir.resolve("names.csv");
        Files.write(csv, List.of("COURIER,2026-01-01,2026-12-31", "COURIER,2026-01-01,2026-12-31,,张三,13800000000"),
                StandardCharsets.UTF_8);
        CliRun r = CliRun.run("card", "issue", "--key", key.toString(), "--csv", csv.toString(), "--union", UNION,
                "--out", out.toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("line 2"), r.err());
        assertEquals(List.of(), registerSerials());
    }

    @Test
    void unknownCategoryAndReversedDatesAreUsageErrors() throws Exception {
        CliRun cook = CliRun.run("card", "issue", "--key", key.toString(), "--category", "厨师", "--valid-from",
                "2026-01-01", "--valid-until", "2026-12-31", "--union", UNION, "--out", out.toString());
        assertEquals(2, cook.exitCode(), cook.toString());
        assertTrue(cook.err().contains("厨师") && cook.err().contains("快递员"), cook.err());
        CliRun reversed = CliRun.run("card", "issue", "--key", key.toString(), "--category", "COURIER",
                "--valid-from", "2026-12-31", "--valid-until", "2026-01-01", "--union", UNION, "--out", out.toString());
        assertEquals(2, reversed.exitCode(), reversed.toString());
        assertEquals(List.of(), registerSerials());
        try (Stream<Path> s = Files.exists(out) ? Files.list(out) : Stream.empty()) {
            assertEquals(0, s.count());
        }
    }
}
