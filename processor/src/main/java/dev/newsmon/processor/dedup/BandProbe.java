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
 * @param shingles the item's shingles, for the exact check
 * @param tagged   the item itself, carried only by the probe of the item's first band to keep the traffic down
 */
public record BandProbe(String bandKey, OrderKey order, List<String> bandKeys, Shingles shingles,
                        TaggedItem tagged) {
    public BandProbe {
        Objects.requireNonNull(bandKey, "bandKey");
        Objects.requireNonNull(order, "order");
        bandKeys = List.copyOf(bandKeys);
        Objects.requireNonNull(shingles, "shingles");
    }

    /** The item's probes, one per band. */
    public static List<BandProbe> of(TaggedItem item, Fingerprint fp) {
        OrderKey order = OrderKey.of(item.item());
        List<String> keys = fp.bandKeys();
        return keys.stream()
                .map(k -> new BandProbe(k, order, keys, fp.shingles(), k.equals(keys.get(0)) ? item : null))
                .toList();
    }

    public BandEntry entry() {
        return new BandEntry(order, bandKeys, shingles);
    }
}
