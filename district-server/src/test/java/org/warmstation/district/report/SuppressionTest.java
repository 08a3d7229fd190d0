package org.warmstation.district.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.warmstation.district.report.Suppression.Count;
import org.warmstation.district.report.Suppression.Line;

class SuppressionTest {
    private final Suppression k5 = Suppression.standard();

    private static Count members(long visits, long members) {
        return new Count(visits, members, 0);
    }

    @Test
    void cellOfFewerThanKMembersIsPrimaryAndZeroIsShown() {
        assertTrue(k5.primary(members(40, 4)));
        assertFalse(k5.primary(members(5, 5)));
        assertFalse(k5.primary(Count.ZERO));
        assertEquals("<5", k5.show(members(40, 4)));
        assertEquals("12", k5.show(members(12, 7)));
        assertEquals("0", k5.show(Count.ZERO));
    }

    @Test
    void eachGuestVisitCountsAsAPossiblyDifferentPerson() {
        assertTrue(k5.primary(new Count(3, 0, 3)), "three guest visits only");
        assertTrue(k5.primary(new Count(4, 2, 2)), "two members and two guest visits");
        assertFalse(k5.primary(new Count(12, 0, 12)), "twelve guest visits");
        assertFalse(k5.primary(new Count(6, 3, 2)), "three members and two guests are five people");
    }

    @Test
    void thresholdIsConfigurableButNeverBelowThree() {
        assertEquals("<3", new Suppression(3).label());
        assertFalse(new Suppression(3).primary(members(3, 3)));
        assertTrue(new Suppression(10).primary(members(30, 9)));
        assertThrows(IllegalArgumentException.class, () -> new Suppression(2));
    }

    @Test
    void lineWithOneSmallCellAlsoHidesTheNextSmallest() {
        List<Count> cells = List.of(members(200, 60), members(3, 2), members(40, 20), members(25, 10), members(268, 80));
        boolean[] hidden = k5.suppress(cells, List.of(new Line(List.of(0, 1, 2, 3), 4)));
        assertArrayEquals(new boolean[] {false, true, false, true, false}, hidden);
    }

    @Test
    void hidingATotalInOneLineHidesAPartOfTheLineItTotals() {
        // station s = cells 0 + 1 (its categories), total 2; district line: stations 2 + 3 = 4
        List<Count> cells = List.of(members(30, 12), members(50, 20), members(80, 30), members(4, 3), members(84, 33));
        boolean[] hidden = k5.suppress(cells, List.of(new Line(List.of(0, 1), 2), new Line(List.of(2, 3), 4)));
        assertArrayEquals(new boolean[] {true, false, true, true, false}, hidden);
    }

    @Test
    void lineWithNothingElseToHideHidesItsTotal() {
        // the only other part is zero: the total is hidden with the small part
        List<Count> cells = List.of(new Count(9, 2, 0), Count.ZERO, new Count(9, 2, 0), members(100, 40), members(109, 42));
        boolean[] hidden = k5.suppress(cells, List.of(new Line(List.of(0, 1), 2), new Line(List.of(2, 3), 4)));
        assertTrue(hidden[0] && hidden[2], "small part and its total");
        assertFalse(hidden[1], "a zero stays 0");
        assertTrue(hidden[3], "the hidden total's own line needs a second hidden part");
    }

    @Test
    void twoHiddenCellsOfOneVisitEachAreNotEnough() {
        // residual 2 over two hidden cells would reveal both as 1
        List<Count> cells = List.of(members(1, 1), members(1, 1), members(9, 6), members(50, 30), members(61, 38));
        boolean[] hidden = k5.suppress(cells, List.of(new Line(List.of(0, 1, 2, 3), 4)));
        assertArrayEquals(new boolean[] {true, true, true, false, false}, hidden);
    }

    @Test
    void sumOfPartsDifferentFromTotalIsRefused() {
        List<Count> cells = List.of(members(10, 6), members(10, 6), members(21, 10));
        assertThrows(IllegalArgumentException.class, () -> k5.suppress(cells, List.of(new Line(List.of(0, 1), 2))));
    }

    /**
     * Recovery attack on random cross-tables with margins: for every line, the total minus the
     * visible parts must never pin down a hidden part (one hidden part, or every hidden part forced to 1),
     * and a hidden total must never be the sum of visible parts.
     */
    @Test
    void noSuppressedCellIsRecoverableFromAnyLineOfRandomTables() {
        Random random = new Random(20261206);
        int attacked = 0;
        for (int round = 0; round < 300; round++) {
            int rows = 1 + random.nextInt(6);
            int cols = 1 + random.nextInt(5);
            List<Count> cells = new ArrayList<>();
            int[][] index = new int[rows][cols];
            long[] rowSum = new long[rows];
            long[] colSum = new long[cols];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    int members = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(9);
                    long visits = members == 0 ? 0 : members + random.nextInt(3 * members + 1);
                    index[r][c] = cells.size();
                    cells.add(members(visits, members));
                    rowSum[r] += visits;
                    colSum[c] += visits;
                }
            }
            int[] rowTotal = new int[rows];
            int[] colTotal = new int[cols];
            for (int r = 0; r < rows; r++) {
                rowTotal[r] = cells.size();
                cells.add(members(rowSum[r], rowSum[r] == 0 ? 0 : 5 + random.nextInt(20)));
            }
            for (int c = 0; c < cols; c++) {
                colTotal[c] = cells.size();
                cells.add(members(colSum[c], colSum[c] == 0 ? 0 : 5 + random.nextInt(20)));
            }
            int grand = cells.size();
            cells.add(members(IntStream.range(0, rows).mapToLong(r -> rowSum[r]).sum(), 50));
            List<Line> lines = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                int rr = r;
                lines.add(new Line(IntStream.range(0, cols).mapToObj(c -> index[rr][c]).toList(), rowTotal[r]));
            }
            for (int c = 0; c < cols; c++) {
                int cc = c;
                lines.add(new Line(IntStream.range(0, rows).mapToObj(r -> index[r][cc]).toList(), colTotal[c]));
            }
            lines.add(new Line(IntStream.of(rowTotal).boxed().toList(), grand));
            lines.add(new Line(IntStream.of(colTotal).boxed().toList(), grand));

            boolean[] hidden = k5.suppress(cells, lines);
            for (int i = 0; i < cells.size(); i++) {
                if (k5.primary(cells.get(i))) {
                    assertTrue(hidden[i], "primary cell shown");
                }
            }
            for (Line line : lines) {
                attacked += attack(cells, line, hidden) ? 1 : 0;
            }
        }
        assertTrue(attacked > 100, "the random tables must exercise suppression in many lines, did " + attacked);
    }

    /** @return whether the line hides anything; fails when the hidden values can be recovered */
    static boolean attack(List<Count> cells, Line line, boolean[] hidden) {
        List<Integer> hiddenParts = line.parts().stream().filter(i -> hidden[i]).toList();
        long visible = line.parts().stream().filter(i -> !hidden[i]).mapToLong(i -> cells.get(i).visits()).sum();
        if (hidden[line.total()]) {
            assertFalse(hiddenParts.isEmpty(), "hidden total " + cells.get(line.total()) + " is the sum of visible parts");
            return true;
        }
        long residual = cells.get(line.total()).visits() - visible;
        if (hiddenParts.size() == 1) {
            throw new AssertionError("total minus visible parts reveals " + residual + " = "
                    + cells.get(hiddenParts.get(0)));
        }
        if (!hiddenParts.isEmpty()) {
            assertTrue(residual > hiddenParts.size(), "residual " + residual + " forces each of "
                    + hiddenParts.size() + " hidden cells to 1");
        }
        return !hiddenParts.isEmpty();
    }
}
