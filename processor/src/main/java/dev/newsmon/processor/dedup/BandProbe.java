package dev.newsmon.processor.dedup;

import dev.newsmon.processor.TaggedItem;

import java.util.List;
import java.util.Objects;

/**
 * One band of one item, on its way to the task that owns the band key.
 *
 * @param bandKey  the band this probe is about (also the record key)
 * @param order    the item's order key; its id is the item id
 * @param bandKeys every band key of the item, to tell which bands it shares with a candidate
 * @param tagged   the item itself, carried only by the probe of the item's first band to keep the traffic down
 * @param shingles the item's shingles, on the first band's probe only, like the item
 */
public record BandProbe(String bandKey, OrderKey order, List<String> bandKeys, TaggedItem tagged, Shingles shingles) {
    public BandProbe {
        Objects.requireNonNull(bandKey, "bandKey");
        Objects.requireNonNull(order, "order");
        bandKeys = List.copyOf(bandKeys);
    }

    /** The item's probes, one per band. */
    public static List<BandProbe> of(TaggedItem item, Fingerprint fp) {
        OrderKey order = OrderKey.of(item.item());
        List<String> keys = fp.bandKeys();
        return keys.stream()
                .map(k -> k.equals(keys.get(0))
                        ? new BandProbe(k, order, keys, item, fp.shingles())
                        : new BandProbe(k, order, keys, null, null))
                .toList();
    }

    /** What the band bucket keeps: the order key, the record time and 32-bit hashes of the band keys (~140 bytes). */
    public BandEntry entry(long timestamp) {
        return new BandEntry(order, timestamp, Hashes.of(bandKeys.stream().mapToLong(BandEntry::bandHash).toArray()));
    }
}
