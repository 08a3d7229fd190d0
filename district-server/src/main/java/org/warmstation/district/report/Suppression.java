package org.warmstation.district.report;

import java.util.List;

/**
 * Small-cell suppression for every count the district shows (pages, CSV, XLSX, CLI): see
 * {@code docs/decisions/0080-small-cell-suppression.md}.
 *
 * <p><b>Primary</b>: a cell whose visits come from 1..k-1 <em>contributors</em> is shown as
 * {@code <k}. Contributors are the cell's distinct members plus its guest visits: a guest has no
 * identity, so each guest visit is counted as a possibly different person (a cell of three guest
 * visits is suppressed like a cell of three members; a cell of 12 guest visits is shown). A cell
 * with no visits is shown as 0.
 *
 * <p><b>Secondary</b>: cells are grouped in {@link Line}s whose visits add up to a total cell shown
 * beside them (stations + district total, a station's categories + the station's total). In every
 * line either nothing is suppressed, or the suppressed visits cannot be recovered: at least two
 * suppressed parts, and their visible residual (total minus the visible parts) is larger than
 * their count (else each would be exactly 1); a suppressed total needs a suppressed part. Until
 * that holds, the smallest visible non-zero part of the line (else the total) is suppressed too,
 * repeated over all lines until nothing changes (a cell may be in several lines).
 *
 * <p>Immutable and thread-safe.
 */
public final class Suppression {
    /** The district's default threshold. */
    public static final int DEFAULT_K = 5;
    /** The lowest threshold accepted. */
    public static final int MIN_K = 3;

    private final int k;

    /**
     * What a cell counts.
     *
     * @param visits      person-visits (人次)
     * @param members     distinct members among them
     * @param guestVisits visits without a card
     */
    public record Count(long visits, long members, long guestVisits) {
        /** No visits. */
        public static final Count ZERO = new Count(0, 0, 0);

        public Count {
            if (visits < 0 || members < 0 || guestVisits < 0 || guestVisits > visits) {
                throw new IllegalArgumentException("impossible count " + visits + "/" + members + "/" + guestVisits);
            }
        }

        /** @return the people the cell may be about: distinct members plus guest visits */
        public long contributors() {
            return members + guestVisits;
        }
    }

    /**
     * Cells (indexes into the cell list) whose visits add up to a total cell shown beside them.
     *
     * @param parts the parts
     * @param total the total's index
     */
    public record Line(List<Integer> parts, int total) {
        public Line {
            parts = List.copyOf(parts);
        }
    }

    /**
     * @param k the threshold, at least {@value #MIN_K}
     * @throws IllegalArgumentException when {@code k} is below {@value #MIN_K}
     */
    public Suppression(int k) {
        if (k < MIN_K) {
            throw new IllegalArgumentException("k must be at least " + MIN_K + ", was " + k);
        }
        this.k = k;
    }

    /** @return suppression with the default k = {@value #DEFAULT_K} */
    public static Suppression standard() {
        return new Suppression(DEFAULT_K);
    }

    /** @return the threshold */
    public int k() {
        return k;
    }

    /** @return what a suppressed cell shows: {@code <k} */
    public String label() {
        return "<" + k;
    }

    /**
     * @param c a cell
     * @return whether the cell itself is too small to show (1..k-1 contributors)
     */
    public boolean primary(Count c) {
        long n = c.contributors();
        return n >= 1 && n < k;
    }

    /**
     * @param c a cell
     * @return the cell's visits, or {@link #label()} when it is too small (primary only: use
     *         {@link #suppress} when a total is shown beside it)
     */
    public String show(Count c) {
        return primary(c) ? label() : Long.toString(c.visits());
    }

    /**
     * Decides which cells to hide.
     *
     * @param cells the cells
     * @param lines the additive lines among them (each total equals the sum of its parts)
     * @return for each cell whether it is shown as {@link #label()}
     * @throws IllegalArgumentException when a line's total is not the sum of its parts or an index is out of range
     */
    public boolean[] suppress(List<Count> cells, List<Line> lines) {
        boolean[] hidden = new boolean[cells.size()];
        for (int i = 0; i < hidden.length; i++) {
            hidden[i] = primary(cells.get(i));
        }
        for (Line line : lines) {
            long sum = line.parts().stream().mapToLong(i -> cells.get(i).visits()).sum();
            if (sum != cells.get(line.total()).visits()) {
                throw new IllegalArgumentException("line total " + cells.get(line.total()).visits()
                        + " is not the sum of its parts " + sum);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Line line : lines) {
                while (exposed(cells, line, hidden)) {
                    hideOneMore(cells, line, hidden);
                    changed = true;
                }
            }
        }
        return hidden;
    }

    /** Whether some hidden cell of the line could be recovered from the visible ones. */
    private static boolean exposed(List<Count> cells, Line line, boolean[] hidden) {
        int hiddenParts = 0;
        long visible = 0;
        for (int i : line.parts()) {
            if (hidden[i]) {
                hiddenParts++;
            } else {
                visible += cells.get(i).visits();
            }
        }
        if (hidden[line.total()]) {
            return hiddenParts == 0;
        }
        long residual = cells.get(line.total()).visits() - visible;
        return hiddenParts == 1 || (hiddenParts > 1 && residual <= hiddenParts);
    }

    private static void hideOneMore(List<Count> cells, Line line, boolean[] hidden) {
        int best = -1;
        for (int i : line.parts()) {
            long v = cells.get(i).visits();
            if (!hidden[i] && v > 0 && (best < 0 || v < cells.get(best).visits())) {
                best = i;
            }
        }
        if (best < 0) {
            if (hidden[line.total()]) {
                throw new IllegalStateException("line cannot be protected: " + line); // unreachable: sums checked
            }
            best = line.total();
        }
        hidden[best] = true;
    }
}
