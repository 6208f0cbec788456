package dev.newsmon.processor.dedup;

import java.util.Collection;
import java.util.StringJoiner;
import java.util.stream.IntStream;

/**
 * A set of band indexes of one item (0 to 63; an item has {@link Fingerprinter#TOTAL_BANDS}). Within an item each
 * index names one band key, so the bands two items share, or the bands in which an item found another, are sets of
 * the item's own indexes: a bit mask, a few bytes in a message where the keys took 20 bytes each.
 */
public record Bands(long mask) {
    public static final Bands NONE = new Bands(0);
    static final int MAX_INDEX = Long.SIZE - 1;

    public static Bands of(int... indexes) {
        long mask = 0;
        for (int i : indexes) {
            mask |= bit(i);
        }
        return new Bands(mask);
    }

    /** The indexes of {@code bandKeys} ({@code b<index>:...}). */
    public static Bands ofKeys(Collection<String> bandKeys) {
        long mask = 0;
        for (String key : bandKeys) {
            mask |= bit(Fingerprint.bandIndex(key));
        }
        return new Bands(mask);
    }

    private static long bit(int index) {
        if (index < 0 || index > MAX_INDEX) {
            throw new IllegalArgumentException("band index " + index + " outside 0.." + MAX_INDEX);
        }
        return 1L << index;
    }

    public boolean contains(int index) {
        return index >= 0 && index <= MAX_INDEX && (mask & (1L << index)) != 0;
    }

    public boolean containsKey(String bandKey) {
        return contains(Fingerprint.bandIndex(bandKey));
    }

    public Bands union(Bands other) {
        return new Bands(mask | other.mask);
    }

    public boolean intersects(Bands other) {
        return (mask & other.mask) != 0;
    }

    public int size() {
        return Long.bitCount(mask);
    }

    public boolean isEmpty() {
        return mask == 0;
    }

    public IntStream indexes() {
        return IntStream.rangeClosed(0, MAX_INDEX).filter(this::contains);
    }

    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(",", "Bands[", "]");
        indexes().forEach(i -> j.add(Integer.toString(i)));
        return j.toString();
    }
}
