package dev.newsmon.processor.dedup;

import java.util.Objects;

/**
 * What a band bucket remembers of an item: who it is and which bands it has. Not its text: the exact comparison
 * happens on the resolver that owns the item, where its shingles are stored once (see docs/dedup.md).
 *
 * @param order      the item's order key
 * @param timestamp  the item's record time, which places it in the window
 * @param bandHashes {@link #bandHash} of each of its band keys
 */
public record BandEntry(OrderKey order, long timestamp, Hashes bandHashes) {
    public BandEntry {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(bandHashes, "bandHashes");
        if (!bandHashes.within(0, 0xFFFF_FFFFL)) {
            throw new IllegalArgumentException("band hashes are 32-bit: " + order);
        }
    }

    /**
     * The top 32 bits of the band key's {@link Hash64}. Only used to tell which of two items' bands are the same,
     * among their 26: a false match is about one in 4 billion per pair of keys, and 32 bits keep the entry, of
     * which the band store holds 26 per item, small.
     */
    public static long bandHash(String bandKey) {
        return Hash64.of(bandKey) >>> Integer.SIZE;
    }

    /** The bands of a probe's keys (another item's) that this item has too. */
    Bands shared(ProbeKeys keys) {
        long mask = 0;
        for (int i = 0; i < keys.hashes().length; i++) {
            if (bandHashes.contains(keys.hashes()[i])) {
                mask |= keys.bits()[i];
            }
        }
        return new Bands(mask);
    }
}
