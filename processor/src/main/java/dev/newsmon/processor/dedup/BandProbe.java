package dev.newsmon.processor.dedup;

import dev.newsmon.processor.TaggedItem;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The bands of one item that one partition of the band repartition topic owns, on their way to its task: an item
 * makes one probe per partition its bands fall in (at most the number of partitions), not one per band.
 *
 * @param order    the item's order key; its id is the item id (and the record key)
 * @param bandKeys every band key of the item, to tell which bands it shares with a candidate
 * @param bands    the indexes of the bands this probe is for, all routed to one partition ({@link BandRouting})
 * @param tagged   the item itself, carried only by the probe of the item's first band to keep the traffic down
 * @param shingles the item's shingles, with the item
 */
public record BandProbe(OrderKey order, List<String> bandKeys, Bands bands, TaggedItem tagged, Shingles shingles) {
    public BandProbe {
        Objects.requireNonNull(order, "order");
        bandKeys = List.copyOf(bandKeys);
        if (bands.isEmpty() || (bands.mask() & ~Bands.ofKeys(bandKeys).mask()) != 0) {
            throw new IllegalArgumentException("probe bands " + bands + " not among the item's " + bandKeys);
        }
    }

    /** The item's probes, one per partition of {@code partitions} that its bands fall in, in partition order. */
    public static List<BandProbe> of(TaggedItem item, Fingerprint fp, int partitions) {
        OrderKey order = OrderKey.of(item.item());
        List<String> keys = fp.bandKeys();
        Map<Integer, Bands> byPartition = new TreeMap<>();
        for (String key : keys) {
            byPartition.merge(BandRouting.partition(key, partitions), Bands.ofKeys(List.of(key)), Bands::union);
        }
        int withItem = Fingerprint.bandIndex(keys.get(0));
        return byPartition.values().stream()
                .map(bands -> bands.contains(withItem)
                        ? new BandProbe(order, keys, bands, item, fp.shingles())
                        : new BandProbe(order, keys, bands, null, null))
                .toList();
    }

    /** The band keys of this probe, in the item's order. */
    public List<String> keys() {
        return bandKeys.stream().filter(bands::containsKey).toList();
    }

    /** What the band bucket keeps: the order key, the record time and 32-bit hashes of the band keys (~140 bytes). */
    public BandEntry entry(long timestamp) {
        return new BandEntry(order, timestamp, Hashes.of(bandKeys.stream().mapToLong(BandEntry::bandHash).toArray()));
    }
}
