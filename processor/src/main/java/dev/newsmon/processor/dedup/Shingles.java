package dev.newsmon.processor.dedup;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * An item's word shingles for the exact check, in text order: the {@link Hash64} of the 4 words starting at each word
 * position (a repeated run repeats), at most {@link Fingerprinter#MAX_SHINGLES} positions. The order is what lets
 * {@link Overlap} say how much of each text the other covers and where the shared text lies.
 *
 * <p>Serialised as packed big-endian bytes (base64 in JSON): a format byte, then the hashes. Items fingerprinted
 * before the order was kept were stored as the sorted distinct set without the format byte, so their length is a
 * multiple of 8; they read back as {@linkplain #ordered() unordered} and are compared by plain containment.
 */
public final class Shingles {
    static final byte IN_TEXT_ORDER = 2;

    /** Text order, or for an unordered (older) set its sorted hashes. */
    private final long[] sequence;
    private final boolean ordered;
    /**
     * The distinct hashes, sorted on first use: most copies of an item's shingles are only read and passed on
     * (band probes, answers, pending items), and only those the resolver compares need the set.
     */
    private volatile long[] distinct;

    private Shingles(long[] sequence, boolean ordered) {
        this.sequence = sequence;
        this.ordered = ordered;
    }

    public static Shingles inTextOrder(long[] sequence) {
        return new Shingles(sequence.clone(), true);
    }

    /** A set without positions, as versions before the text order stored it. */
    public static Shingles unordered(long[] set) {
        return new Shingles(Hashes.sortedDistinct(set), false);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Shingles fromBytes(byte[] packed) {
        boolean ordered = packed.length % Long.BYTES == 1;
        if (ordered && packed[0] != IN_TEXT_ORDER || !ordered && packed.length % Long.BYTES != 0) {
            throw new IllegalArgumentException("shingles in an unknown format: " + packed.length + " bytes");
        }
        int offset = ordered ? 1 : 0;
        long[] hashes = new long[(packed.length - offset) / Long.BYTES];
        ByteBuffer.wrap(packed, offset, packed.length - offset).asLongBuffer().get(hashes);
        return ordered ? inTextOrder(hashes) : unordered(hashes);
    }

    @JsonValue
    byte[] toBytes() {
        int offset = ordered ? 1 : 0;
        ByteBuffer buf = ByteBuffer.allocate(offset + sequence.length * Long.BYTES);
        if (ordered) {
            buf.put(IN_TEXT_ORDER);
        }
        buf.asLongBuffer().put(sequence);
        return buf.array();
    }

    /** Whether the positions are known (false for items stored by versions that kept only the set). */
    public boolean ordered() {
        return ordered;
    }

    /** The hashes in text order (sorted for an unordered set). */
    long[] sequence() {
        return sequence;
    }

    /** Positions: shingles in text order, repeats included. */
    public int length() {
        return sequence.length;
    }

    public int distinctCount() {
        return sortedDistinct().length;
    }

    public boolean contains(long hash) {
        return Arrays.binarySearch(sortedDistinct(), hash) >= 0;
    }

    /** The distinct hashes, sorted. */
    public long[] distinct() {
        return sortedDistinct().clone();
    }

    private long[] sortedDistinct() {
        long[] d = distinct;
        if (d == null) {
            // An unordered set is kept sorted and distinct already.
            d = ordered ? Hashes.sortedDistinct(sequence) : sequence;
            distinct = d;
        }
        return d;
    }

    /** Distinct hashes both have. */
    public int intersectionSize(Shingles other) {
        long[] mine = sortedDistinct();
        long[] theirs = other.sortedDistinct();
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < mine.length && j < theirs.length) {
            int c = Long.compare(mine[i], theirs[j]);
            if (c == 0) {
                n++;
                i++;
                j++;
            } else if (c < 0) {
                i++;
            } else {
                j++;
            }
        }
        return n;
    }

    /**
     * Containment of the smaller set in the larger: 1.0 when one text is a truncation of the other. Symmetric, and
     * computed from integers, so both items of a pair get the bit-identical value.
     */
    public double containment(Shingles other) {
        int smaller = Math.min(distinctCount(), other.distinctCount());
        return smaller == 0 ? 0.0 : (double) intersectionSize(other) / smaller;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shingles s && ordered == s.ordered && Arrays.equals(sequence, s.sequence);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sequence) * 31 + Boolean.hashCode(ordered);
    }

    @Override
    public String toString() {
        return "Shingles[" + sequence.length + (ordered ? "" : ", unordered") + "]";
    }
}
