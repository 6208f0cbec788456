package dev.newsmon.app.ops;

import dev.newsmon.common.model.FeedStatus;
import dev.newsmon.ingest.IngestService;
import dev.newsmon.ingest.feedlist.FeedSource;
import dev.newsmon.ingest.group.FeedPoller;
import dev.newsmon.ingest.schedule.FeedState;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-feed meters of ingest (labelled {@code feed_url}), for exactly the feeds this instance polls: a feed the
 * group assigns gets its meters as it is added, and a feed that moves to another instance takes them away, so a
 * scrape of every instance shows each feed once.
 */
public final class FeedMeters implements FeedPoller {
    private final MeterRegistry registry;
    private final IngestService ingest;
    private final Map<String, List<Meter>> byFeed = new ConcurrentHashMap<>();

    public FeedMeters(MeterRegistry registry, IngestService ingest) {
        this.registry = registry;
        this.ingest = ingest;
    }

    @Override
    public void addFeed(FeedSource feed) {
        register(feed);
        ingest.addFeed(feed);
    }

    @Override
    public void resumeFeed(FeedSource feed, FeedStatus last) {
        register(feed);
        ingest.resumeFeed(feed, last);
    }

    @Override
    public void removeFeed(String url) {
        ingest.removeFeed(url);
        List<Meter> meters = byFeed.remove(url);
        if (meters != null) {
            meters.forEach(registry::remove);
        }
    }

    private void register(FeedSource feed) {
        byFeed.computeIfAbsent(feed.url(), url -> List.of(
                FunctionCounter.builder("newsmon.ingest.feed.failures", ingest, i -> i.failures(url))
                        .description("Failed polls per feed (fetch, parse or publish)")
                        .tag("feed_url", url).register(registry),
                Gauge.builder("newsmon.ingest.feed.consecutive.errors", ingest,
                                i -> state(i, feed).consecutiveErrors())
                        .description("Failed polls in a row per feed: its backoff step (0 when healthy)")
                        .tag("feed_url", url).register(registry),
                Gauge.builder("newsmon.ingest.feed.next.poll", ingest,
                                i -> Duration.between(Instant.now(), state(i, feed).nextPoll()).toMillis() / 1000.0)
                        .baseUnit("seconds")
                        .description("Seconds until the feed's next poll (its backoff while failing)")
                        .tag("feed_url", url).register(registry)));
    }

    private static FeedState state(IngestService ingest, FeedSource feed) {
        return ingest.feedStates().stream().filter(s -> s.key().equals(feed.url())).findFirst()
                .orElse(FeedState.fresh(feed, Instant.now()));
    }
}
