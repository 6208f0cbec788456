package dev.newsmon.ingest;

import dev.newsmon.common.model.FeedItem;
import dev.newsmon.ingest.fetch.CacheHints;
import dev.newsmon.ingest.fetch.Conditional;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * One feed as one poll found it: what {@link FeedReader} read, and what the next poll needs to know.
 *
 * @param items       its items; empty when the feed was not modified
 * @param validators  what to send with the next conditional fetch of this feed
 * @param notModified true when the server answered 304 to the conditional fetch
 * @param status      the HTTP status (200 for a file)
 * @param movedTo     the feed's new home after a 301/308, or null
 * @param hints       the server's caching headers
 * @param ttl         the feed's own {@code <ttl>}, or null (also null on a 304, which has no body)
 * @param recovered   true when the body is not well-formed XML and was read by the lenient parser
 */
public record PolledFeed(List<FeedItem> items, Conditional validators, boolean notModified, int status,
                         URI movedTo, CacheHints hints, Duration ttl, boolean recovered) {
    public PolledFeed {
        items = List.copyOf(items);
    }
}
