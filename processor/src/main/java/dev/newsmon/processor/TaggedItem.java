package dev.newsmon.processor;

import dev.newsmon.common.model.FeedItem;
import dev.newsmon.processor.tagging.TagResult;

import java.util.Objects;

/** A normalised item with the tags that made it worth alerting on. */
public record TaggedItem(FeedItem item, TagResult tags) {
    public TaggedItem {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(tags, "tags");
    }
}
