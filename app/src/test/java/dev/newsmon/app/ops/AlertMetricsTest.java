package dev.newsmon.app.ops;

import dev.newsmon.common.model.Alert;
import dev.newsmon.sink.AlertSink;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AlertMetricsTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void countsKindsTagsAndLagAtCommitAndForgetsARolledBackBatch() {
        AlertStats stats = new AlertStats(registry, Clock.fixed(NOW, ZoneOffset.UTC));
        stats.write(alert(Alert.Kind.STORY, "2026-11-26T09:00:00Z", "2026-11-26T09:59:58Z"));
        stats.rollback();
        stats.write(alert(Alert.Kind.STORY, "2026-11-26T09:00:00Z", "2026-11-26T09:59:58Z"));
        stats.write(alert(Alert.Kind.COPY, "2026-11-26T11:00:00Z", "2026-11-26T09:59:59Z"));
        stats.commit();

        assertEquals(1, registry.get("newsmon.alerts").tag("kind", "story").counter().count());
        assertEquals(1, registry.get("newsmon.alerts").tag("kind", "copy").counter().count());
        assertEquals(1, registry.get("newsmon.alerts.tagged").tags("tag", "space-station", "kind", "story")
                .counter().count());
        assertEquals(2, registry.get("newsmon.alert.lag.fetched").timer().count());
        assertEquals(3, registry.get("newsmon.alert.lag.fetched").timer().totalTime(TimeUnit.SECONDS), 1e-9);
        // The copy's published time lies in the future: it counts as zero lag, not as a negative one.
        assertEquals(3600, registry.get("newsmon.alert.lag.published").timer().totalTime(TimeUnit.SECONDS), 1e-9);
    }

    @Test
    void aMeteredSinkCountsWhatItsSinkMadeDurable() throws IOException {
        List<Alert> stored = new ArrayList<>();
        MeteredSink sink = new MeteredSink(new ListSink(stored), registry);
        sink.write(alert(Alert.Kind.STORY, "2026-11-26T09:00:00Z", "2026-11-26T09:59:58Z"));
        sink.rollback();
        sink.write(alert(Alert.Kind.STORY, "2026-11-26T09:00:00Z", "2026-11-26T09:59:58Z"));
        sink.write(alert(Alert.Kind.COPY, "2026-11-26T09:00:00Z", "2026-11-26T09:59:58Z"));
        sink.commit();
        assertEquals(2, registry.get("newsmon.sink.alerts.written").tag("sink", "list").counter().count());
        assertEquals(3, stored.size(), "every write reaches the sink; only the count waits for the commit");
    }

    private static Alert alert(Alert.Kind kind, String published, String fetched) {
        return new Alert(Alert.SCHEMA_VERSION, kind, "s-0000000000000001", "item-" + kind, null, "Station crew returns",
                "Harbor City Post", "https://harborcitypost.example/rss", Instant.parse(published),
                Instant.parse(fetched), NOW, List.of("space-station"), Map.of(),
                kind == Alert.Kind.COPY ? 0.9 : null, kind == Alert.Kind.COPY ? "item-STORY" : null, "test", Map.of(), "en");
    }

    private record ListSink(List<Alert> stored) implements AlertSink {
        @Override
        public String name() {
            return "list";
        }

        @Override
        public void write(Alert alert) {
            stored.add(alert);
        }

        @Override
        public void commit() {
        }

        @Override
        public void rollback() {
        }

        @Override
        public void close() {
        }
    }
}
