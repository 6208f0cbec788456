package dev.newsmon.processor.dedup;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A set of 64-bit hashes (an item's band keys), sorted, for exact overlap counts. Serialised as packed
 * big-endian bytes (base64 in JSON): a quarter of the size of a JSON number array.
 */
public final class Hashes {
    private final long[] sorted;

    private Hashes(long[] sorted) {
        this.sorted = sorted;
    }

    public static Hashes of(long[] hashes) {
        return new Hashes(sortedDistinct(hashes));
    }

    /** A sorted copy of {@code hashes} without repeats; read for every band entry and shingle set, so no stream. */
    static long[] sortedDistinct(long[] hashes) {
        long[] sorted = hashes.clone();
        Arrays.sort(sorted);
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[n - 1]) {
                sorted[n++] = sorted[i];
            }
        }
        return n == sorted.length ? sorted : Arrays.copyOf(sorted, n);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Hashes fromBytes(byte[] packed) {
        if (packed.length % Long.BYTES != 0) {
            throw new IllegalArgumentException("shingle bytes not a multiple of 8: " + packed.length);
        }
        long[] hashes = new long[packed.length / Long.BYTES];
        ByteBuffer.wrap(packed).asLongBuffer().get(hashes);
        return of(hashes);
    }

    @JsonValue
    byte[] toBytes() {
        ByteBuffer buf = ByteBuffer.allocate(sorted.length * Long.BYTES);
        buf.asLongBuffer().put(sorted);
        return buf.array();
    }

    public long[] toArray() {
        return sorted.clone();
    }

    public int size() {
        return sorted.length;
    }

    /** Whether every hash lies in {@code [min, max]}. */
    public boolean within(long min, long max) {
        return sorted.length == 0 || sorted[0] >= min && sorted[sorted.length - 1] <= max;
    }

    public boolean contains(long hash) {
        return Arrays.binarySearch(sorted, hash) >= 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hashes s && Arrays.equals(sorted, s.sorted);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sorted);
    }

    @Override
    public String toString() {
        return "Hashes[" + sorted.length + "]";
    }
}
