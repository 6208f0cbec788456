package dev.newsmon.processor.tagging;

import dev.newsmon.common.model.FeedItem;

/** Decides which tags apply to an item, and why. Implementations are safe to call from several stream threads. */
@FunctionalInterface
public interface Tagger {
    TagResult tag(FeedItem item);
}
