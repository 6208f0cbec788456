package dev.newsmon.ingest;

import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.model.FeedItem;
import dev.newsmon.ingest.feedlist.FeedSource;
import dev.newsmon.ingest.fetch.Conditional;
import dev.newsmon.ingest.fetch.FetchException;
import dev.newsmon.ingest.fetch.FetchResult;
import dev.newsmon.ingest.fetch.Fetcher;
import dev.newsmon.ingest.item.ItemLanguages;
import dev.newsmon.ingest.item.ItemMapper;
import dev.newsmon.ingest.parse.FeedParseException;
import dev.newsmon.ingest.parse.FeedParser;
import dev.newsmon.ingest.parse.ParsedEntry;
import dev.newsmon.ingest.parse.ParsedFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one path from a feed to its items: fetch, parse, map. The poller uses it, and so does
 * {@code newsmon feed parse}, which needs nothing but {@link #create(NewsmonConfig)} and {@link #read(FeedSource)}.
 * Thread-safe.
 */
public final class FeedReader {
    private static final Logger LOG = LoggerFactory.getLogger(FeedReader.class);

    private final Fetcher fetcher;
    private final FeedParser parser;
    private final Clock clock;

    public FeedReader(Fetcher fetcher, FeedParser parser, Clock clock) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A reader with the configured fetch limits and the system clock. */
    public static FeedReader create(NewsmonConfig config) {
        return new FeedReader(new Fetcher(config), new FeedParser(), Clock.systemUTC());
    }

    /** Feed body bytes this reader's fetcher has read. */
    public long bytesFetched() {
        return fetcher.bytesFetched();
    }

    /** Reads the feed unconditionally, each item in the language its feed declares or else the one detected. */
    public List<FeedItem> read(FeedSource source) throws FetchException, FeedParseException {
        return ItemLanguages.detectMissing(read(source, Conditional.NONE).items());
    }

    /**
     * Reads the feed from its listed URL with a conditional fetch; a 304 gives no items. Items have the language
     * their feed declares, or none: detection is left to the caller, for the items it keeps.
     */
    public PolledFeed read(FeedSource source, Conditional previous) throws FetchException, FeedParseException {
        return read(source, source.url(), previous);
    }

    /**
     * Reads the feed from {@code fetchUrl} (where it lives now, after a permanent redirect) with a conditional
     * fetch and the feed's own headers. Items keep {@link FeedSource#url()} as their feed, so their ids do not
     * change when a feed moves.
     */
    public PolledFeed read(FeedSource source, String fetchUrl, Conditional previous)
            throws FetchException, FeedParseException {
        URI uri;
        try {
            uri = new URI(fetchUrl);
        } catch (java.net.URISyntaxException e) {
            throw new FetchException(fetchUrl, "not a valid URL: " + e.getMessage(), e);
        }
        Instant fetched = clock.instant();
        FetchResult result = fetcher.fetch(uri, previous, source.headers());
        if (result.notModified()) {
            LOG.debug("feed not modified feed_url={}", source.url());
            return new PolledFeed(List.of(), result.validators(), true, result.status(), result.movedTo(),
                    result.hints(), null, false);
        }
        ParsedFeed feed = parser.parse(result.body(), result.contentType(), result.finalUri().toString());
        List<FeedItem> items = new ArrayList<>(feed.entries().size());
        String outlet = source.outlet(feed.title());
        for (ParsedEntry entry : feed.entries()) {
            items.add(ItemMapper.map(source, outlet, entry, fetched));
        }
        LOG.debug("feed read feed_url={} items={} recovered={}", source.url(), items.size(), feed.recovered());
        return new PolledFeed(items, result.validators(), false, result.status(), result.movedTo(), result.hints(),
                feed.ttl(), feed.recovered());
    }
}
