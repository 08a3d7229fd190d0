package org.warmstation.protocol.wire;

/**
 * An inclusive range of a station's visit sequence numbers.
 *
 * @param fromSeq first seq, at least 1
 * @param toSeq   last seq, at least fromSeq; at most {@link #MAX_LENGTH} seqs in all
 */
public record SeqRange(long fromSeq, long toSeq) {
    /** Longest range one command may name. */
    public static final long MAX_LENGTH = 1_000_000;

    /** @throws IllegalArgumentException when the range is empty, reversed or too long */
    public SeqRange {
        Check.positive("fromSeq", fromSeq);
        if (toSeq < fromSeq || toSeq - fromSeq >= MAX_LENGTH) {
            throw new IllegalArgumentException("bad seq range " + fromSeq + ".." + toSeq);
        }
    }
}
