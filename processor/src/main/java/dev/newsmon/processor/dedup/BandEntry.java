package dev.newsmon.processor.dedup;

import java.util.List;
import java.util.Objects;

/**
 * What a band bucket remembers of an item: who it is and which bands it has. Not its text: the exact comparison
 * happens on the resolver that owns the item, where its shingles are stored once (see processor/DEDUP.md).
 *
 * @param order      the item's order key
 * @param timestamp  the item's record time, which places it in the window
 * @param bandHashes {@link Hash64} of each of its band keys
 */
public record BandEntry(OrderKey order, long timestamp, Hashes bandHashes) {
    public BandEntry {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(bandHashes, "bandHashes");
    }

    /** The keys of {@code bandKeys} that this item has too. */
    public List<String> shared(List<String> bandKeys) {
        return bandKeys.stream().filter(k -> bandHashes.contains(Hash64.of(k))).toList();
    }
}
