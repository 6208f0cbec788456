package dev.newsmon.ingest;

import dev.newsmon.ingest.schedule.FeedState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The per-feed meters of ingest (labelled {@code feed_url}), for exactly the feeds this instance polls: a feed gets
 * its meters as it is added and loses them as it is removed, so a scrape of every instance shows each feed once.
 * Each gauge read looks its one feed up by key, so a scrape costs one lookup per series however many feeds there are.
 */
final class FeedMeters {
    private final MeterRegistry registry;
    private final Function<String, Optional<FeedState>> states;
    private final Clock clock;
    private final Map<String, PerFeed> byFeed = new ConcurrentHashMap<>();

    /** @param states a feed's current state by its key: a keyed lookup, never a scan */
    FeedMeters(MeterRegistry registry, Function<String, Optional<FeedState>> states, Clock clock) {
        this.registry = registry;
        this.states = states;
        this.clock = clock;
    }

    /** Registers the meters of a feed, unless it has them. */
    void add(String url) {
        byFeed.computeIfAbsent(url, this::register);
    }

    /** Counts a failed poll of a feed that still has its meters. */
    void failed(String url) {
        PerFeed feed = byFeed.get(url);
        if (feed != null) {
            feed.failures().increment();
        }
    }

    void remove(String url) {
        PerFeed feed = byFeed.remove(url);
        if (feed != null) {
            feed.meters().forEach(registry::remove);
        }
    }

    private PerFeed register(String url) {
        Counter failures = Counter.builder("newsmon.ingest.feed.failures")
                .description("Failed polls per feed (fetch, parse or publish)")
                .tag("feed_url", url).register(registry);
        Gauge errors = Gauge.builder("newsmon.ingest.feed.consecutive.errors", this,
                        m -> m.states.apply(url).map(FeedState::consecutiveErrors).orElse(0))
                .description("Failed polls in a row per feed: its backoff step (0 when healthy)")
                .tag("feed_url", url).register(registry);
        Gauge nextPoll = Gauge.builder("newsmon.ingest.feed.next.poll", this,
                        m -> m.states.apply(url).map(s -> secondsUntil(s, m.clock)).orElse(0.0))
                .baseUnit("seconds").description("Seconds until the feed's next poll (its backoff while failing)")
                .tag("feed_url", url).register(registry);
        return new PerFeed(failures, List.of(failures, errors, nextPoll));
    }

    private static double secondsUntil(FeedState state, Clock clock) {
        return Duration.between(clock.instant(), state.nextPoll()).toMillis() / 1000.0;
    }

    private record PerFeed(Counter failures, List<Meter> meters) {
    }
}
