package dev.newsmon.processor.dedup;

import java.util.Objects;

/**
 * An item found earlier in a band bucket: a possible original, to be checked exactly.
 *
 * @param order       the candidate's order key (its id is the candidate's item id)
 * @param timestamp   the candidate's record time, under which its story and shingles are stored
 * @param sharedBands the bands (of the item that found it) that both items have
 */
public record Candidate(OrderKey order, long timestamp, Bands sharedBands) {
    public Candidate {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(sharedBands, "sharedBands");
    }

    public String itemId() {
        return order.itemId();
    }
}
