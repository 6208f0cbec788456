package dev.newsmon.processor.dedup;

import java.util.List;
import java.util.Objects;

/**
 * An item found earlier in a band bucket, similar enough to be an original.
 *
 * @param order       the candidate's order key (its id is the candidate's item id)
 * @param similarity  shingle containment between the two items
 * @param sharedBands the band keys both items have
 */
public record Candidate(OrderKey order, double similarity, List<String> sharedBands) {
    public Candidate {
        Objects.requireNonNull(order, "order");
        sharedBands = List.copyOf(sharedBands);
    }

    public String itemId() {
        return order.itemId();
    }
}
