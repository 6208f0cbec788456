package dev.newsmon.processor.dedup;

import dev.newsmon.processor.TaggedItem;

import java.util.List;
import java.util.Objects;

/**
 * What one band bucket found for an item: the items that were stored in it before.
 *
 * @param order      the item's order key
 * @param bandKey    the band
 * @param bandIndex  the band's index, for logs
 * @param totalBands how many bands the item has: the resolver decides when it has that many answers
 * @param candidates earlier items of the bucket (the most recent ones, at most {@link BandMatcher#MAX_CANDIDATES})
 * @param tagged     the item, on the answer of its first band only
 * @param shingles   the item's shingles, with the item
 */
public record BandAnswer(OrderKey order, String bandKey, int bandIndex, int totalBands, List<Candidate> candidates,
                         TaggedItem tagged, Shingles shingles) implements ResolveMessage {
    public BandAnswer {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(bandKey, "bandKey");
        candidates = List.copyOf(candidates);
    }

    @Override
    public String routingKey() {
        return order.itemId();
    }

    /** This answer without the item, as the pending store keeps it (the item is stored once). */
    public BandAnswer withoutItem() {
        return new BandAnswer(order, bandKey, bandIndex, totalBands, candidates, null, null);
    }
}
