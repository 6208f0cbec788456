package dev.newsmon.ingest;

import dev.newsmon.ingest.feedlist.FeedSource;
import dev.newsmon.ingest.fetch.Conditional;
import dev.newsmon.ingest.schedule.FeedState;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedMetersTest {
    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Map<String, FeedState> states = new HashMap<>();
    private final AtomicLong lookups = new AtomicLong();
    private final FeedMeters meters = new FeedMeters(registry, url -> {
        lookups.incrementAndGet();
        return Optional.ofNullable(states.get(url));
    }, CLOCK);

    @Test
    void aScrapeOfTenThousandFeedsLooksEachOneUpOncePerGauge() {
        int feeds = 10_000;
        for (int i = 0; i < feeds; i++) {
            FeedSource feed = new FeedSource("https://outlet-" + i + ".example/feed.xml", "Outlet " + i);
            states.put(feed.url(), FeedState.fresh(feed, NOW.plusSeconds(i)));
            meters.add(feed.url());
        }

        double sum = scrape();

        // Two gauges per feed, each one keyed lookup: the scrape is linear in feeds, with no copy of the states.
        assertEquals(2L * feeds, lookups.get());
        assertEquals(feeds * (feeds - 1) / 2.0, sum, 1e-6, "each feed's next poll, its own seconds from now");
    }

    @Test
    void aFeedsFailuresAreItsOwnAndItsMetersLeaveWithIt() {
        FeedSource quiet = new FeedSource("https://quiet-harbour.example/rss", "Quiet Harbour");
        FeedSource flaky = new FeedSource("https://flaky-lantern.example/atom", "Flaky Lantern");
        states.put(quiet.url(), FeedState.fresh(quiet, NOW));
        states.put(flaky.url(), new FeedState(flaky, flaky.url(), Conditional.NONE, 3, NOW.plus(Duration.ofMinutes(8)), false,
                NOW, null, 503, "unavailable", 0, false));
        meters.add(quiet.url());
        meters.add(flaky.url());
        meters.failed(flaky.url());
        meters.failed(flaky.url());

        assertEquals(2, registry.get("newsmon.ingest.feed.failures").tag("feed_url", flaky.url()).counter().count());
        assertEquals(0, registry.get("newsmon.ingest.feed.failures").tag("feed_url", quiet.url()).counter().count());
        assertEquals(3, registry.get("newsmon.ingest.feed.consecutive.errors").tag("feed_url", flaky.url()).gauge()
                .value());
        assertEquals(480, registry.get("newsmon.ingest.feed.next.poll").tag("feed_url", flaky.url()).gauge()
                .value());

        meters.remove(flaky.url());
        meters.failed(flaky.url());

        assertTrue(registry.find("newsmon.ingest.feed.failures").tag("feed_url", flaky.url()).meters().isEmpty());
        assertEquals(3, registry.getMeters().size(), "the quiet feed keeps its three");
    }

    /** Reads every meter once, as a scrape does; returns the sum of the values read. */
    private double scrape() {
        double sum = 0;
        for (Meter meter : registry.getMeters()) {
            for (Measurement m : meter.measure()) {
                sum += m.getValue();
            }
        }
        return sum;
    }
}
