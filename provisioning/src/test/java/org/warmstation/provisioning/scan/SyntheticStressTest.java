package org.warmstation.provisioning.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.warmstation.devices.scan.QrDecoder;

/**
 * The synthetic stress set, made here from freshly signed member cards: the decoder never
 * returns a text other than the card's token, reads at least what plain ZXing reads under every
 * condition, and reads clean cards down to small modules.
 */
class SyntheticStressTest {
    private static final int CARDS = 4;

    @Test
    void decoderReadsAtLeastPlainZxingUnderEveryConditionAndNeverMisreadsACard() {
        StringWriter text = new StringWriter();
        SyntheticStress.Report report = new SyntheticStress(new QrDecoder()).run(CARDS, new PrintWriter(text));
        System.out.print(text);

        List<SyntheticStress.Row> rows = report.rows();
        assertTrue(rows.size() >= 12, text.toString());
        for (SyntheticStress.Row r : rows) {
            assertEquals(CARDS, r.cards(), r.name());
            assertEquals(0, r.misread(), r.name() + " misread");
            assertTrue(r.decoded() >= r.plain(), r.name() + ": decoder " + r.decoded() + " < plain ZXing " + r.plain());
        }
        assertEquals(CARDS, rows.getFirst().decoded(), "clean cards at 4 px modules");
        assertTrue(report.smallestModule() <= 3.0, "smallest module read " + report.smallestModule());
        List<String> lines = text.toString().lines().toList();
        assertEquals(rows.size() + 3, lines.size(), text.toString());
        assertTrue(lines.get(lines.size() - 2).startsWith("smallest module size read"), lines.get(lines.size() - 2));
        assertTrue(lines.getLast().matches("frame without a code: mean \\d+\\.\\d ms, plain ZXing \\d+\\.\\d ms"), lines.getLast());
    }
}
