package dev.newsmon.app.ops;

import dev.newsmon.common.model.Alert;
import dev.newsmon.sink.AlertSink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The processor's outcome as the alerts show it: stories and copies, alerts per tag, and the end-to-end lag from
 * an item's {@code published} and {@code fetched} times to the moment its alert is durable. Measured where the
 * alerts arrive, so the topology stays free of metrics code; counted at commit, so a retried batch counts once.
 */
public final class AlertStats implements AlertSink {
    /** The sink's name, and so the end of its consumer group's id. */
    public static final String NAME = "metrics";
    private static final Logger LOG = LoggerFactory.getLogger(AlertStats.class);
    private static final Duration[] FETCHED_BUCKETS = durations("PT0.1S", "PT0.25S", "PT0.5S", "PT1S", "PT2.5S",
            "PT5S", "PT10S", "PT30S", "PT1M", "PT2M", "PT5M", "PT15M");
    private static final Duration[] PUBLISHED_BUCKETS = durations("PT1S", "PT10S", "PT1M", "PT5M", "PT15M",
            "PT1H", "PT6H", "PT24H", "PT72H", "PT168H");

    private final MeterRegistry registry;
    private final Clock clock;
    private final Timer sincePublished;
    private final Timer sinceFetched;
    private final List<Alert> pending = new ArrayList<>();

    public AlertStats(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.sincePublished = Timer.builder("newsmon.alert.lag.published")
                .description("Time from an item's published time to its alert being written")
                .serviceLevelObjectives(PUBLISHED_BUCKETS).register(registry);
        this.sinceFetched = Timer.builder("newsmon.alert.lag.fetched")
                .description("Time from fetching an item to its alert being written")
                .serviceLevelObjectives(FETCHED_BUCKETS).register(registry);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void write(Alert alert) {
        pending.add(alert);
    }

    @Override
    public void commit() {
        Instant now = clock.instant();
        for (Alert a : pending) {
            LOG.debug("alert durable kind={} story_id={} item_id={} feed_url={}", a.kind().wireName(), a.storyId(),
                    a.itemId(), a.feedUrl());
            Counter.builder("newsmon.alerts").description("Alerts by kind: story (first item) or copy")
                    .tag("kind", a.kind().wireName()).register(registry).increment();
            for (String tag : a.tags()) {
                Counter.builder("newsmon.alerts.tagged").description("Alerts per tag and kind")
                        .tag("tag", tag).tag("kind", a.kind().wireName()).register(registry).increment();
            }
            if (a.published() != null) {
                sincePublished.record(nonNegative(Duration.between(a.published(), now)));
            }
            if (a.fetched() != null) {
                sinceFetched.record(nonNegative(Duration.between(a.fetched(), now)));
            }
        }
        pending.clear();
    }

    @Override
    public void rollback() {
        pending.clear();
    }

    @Override
    public void close() {
        pending.clear();
    }

    // A feed may date an item in the future; a negative lag would only distort the sums.
    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static Duration[] durations(String... iso) {
        return Arrays.stream(iso).map(Duration::parse).toArray(Duration[]::new);
    }
}
