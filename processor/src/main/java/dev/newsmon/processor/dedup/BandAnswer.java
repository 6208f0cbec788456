package dev.newsmon.processor.dedup;

import dev.newsmon.processor.TaggedItem;

import java.util.List;
import java.util.Objects;

/**
 * What the band buckets of one probe found for an item: the items that were stored in them before. One answer per
 * probe, so per partition of the band topic, not per band.
 *
 * @param order      the item's order key
 * @param bands      the bands answered here
 * @param totalBands how many bands the item has: the resolver decides when all of them are answered
 * @param found      earlier items of the buckets (of each bucket the most recent ones, at most
 *                   {@link BandMatcher#MAX_CANDIDATES}), each once, with the bands it was found in
 * @param tagged     the item, on the answer of the probe that carried it
 * @param shingles   the item's shingles, with the item
 */
public record BandAnswer(OrderKey order, Bands bands, int totalBands, List<Found> found, TaggedItem tagged,
                         Shingles shingles) implements ResolveMessage {
    public BandAnswer {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(bands, "bands");
        found = List.copyOf(found);
    }

    @Override
    public String routingKey() {
        return order.itemId();
    }

    /** This answer without the item, as the pending store keeps it (the item is stored once). */
    public BandAnswer withoutItem() {
        return new BandAnswer(order, bands, totalBands, found, null, null);
    }
}
