package dev.newsmon.ingest;

import dev.newsmon.common.model.FeedItem;
import dev.newsmon.ingest.fetch.Conditional;

import java.util.List;

/**
 * The outcome of reading one feed once.
 *
 * @param items       its items; empty when the feed was not modified
 * @param validators  what to send with the next conditional fetch of this feed
 * @param notModified true when the server answered 304 to the conditional fetch
 */
public record FeedRead(List<FeedItem> items, Conditional validators, boolean notModified) {
    public FeedRead {
        items = List.copyOf(items);
    }
}
