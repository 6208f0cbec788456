package dev.newsmon.processor.dedup;

import dev.newsmon.processor.TaggedItem;

import java.util.Objects;

/**
 * The item of an undecided {@link PendingDecision}, stored apart from it: the decision is rewritten at each of the
 * item's band answers, the item (text, tags, shingles: most of the bytes) only once.
 *
 * @param tagged   the item
 * @param shingles its shingles, for the exact check
 */
public record PendingItem(TaggedItem tagged, Shingles shingles) {
    public PendingItem {
        Objects.requireNonNull(tagged, "tagged");
        Objects.requireNonNull(shingles, "shingles");
    }
}
