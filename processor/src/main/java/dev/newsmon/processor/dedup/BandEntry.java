package dev.newsmon.processor.dedup;

import java.util.List;
import java.util.Objects;

/** What a band bucket remembers of an item: enough to compare a later item with it, not the item itself. */
public record BandEntry(OrderKey order, List<String> bandKeys, Shingles shingles) {
    public BandEntry {
        Objects.requireNonNull(order, "order");
        bandKeys = List.copyOf(bandKeys);
        Objects.requireNonNull(shingles, "shingles");
    }
}
