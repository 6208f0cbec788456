package dev.newsmon.processor.alert;

import dev.newsmon.common.Topics;
import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.model.Alert;
import dev.newsmon.processor.KeywordTagger;
import dev.newsmon.processor.TopologyDrivers;
import dev.newsmon.processor.tagging.LiveTagger;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AlertMetersTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @TempDir
    Path dir;

    @Test
    void countsKindsTagsAndLagAndAFuturePublishedTimeIsNoLag() {
        AlertMeters meters = new AlertMeters(registry);
        meters.record(alert(Alert.Kind.STORY, "2026-11-26T09:00:00Z", "2026-11-26T09:59:58Z"), NOW);
        meters.record(alert(Alert.Kind.COPY, "2026-11-26T11:00:00Z", "2026-11-26T09:59:59Z"), NOW);

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
    void theTopologyCountsEachAlertItReadsBackFromNewsAlerts() {
        try (TopologyTestDriver driver = TopologyDrivers.driver(TopologyDrivers.config(dir, Map.of()),
                new LiveTagger(new KeywordTagger()), new AlertMeters(registry), NOW)) {
            TestInputTopic<String, Alert> alerts = driver.createInputTopic(Topics.ALERTS, new StringSerializer(),
                    JsonSerde.of(Alert.class).serializer());
            alerts.pipeInput("s-0000000000000001", alert(Alert.Kind.STORY, "2026-11-26T09:00:00Z",
                    "2026-11-26T09:59:50Z"), NOW);

            assertEquals(1, registry.get("newsmon.alerts").tag("kind", "story").counter().count());
            assertEquals(10, registry.get("newsmon.alert.lag.fetched").timer().totalTime(TimeUnit.SECONDS), 1e-9,
                    "measured at the driver's wall clock as the alert is read back");
        }
    }

    private static Alert alert(Alert.Kind kind, String published, String fetched) {
        return new Alert(Alert.SCHEMA_VERSION, kind, "s-0000000000000001", "item-" + kind, null,
                "Station crew returns", "Harbor City Post", "https://harborcitypost.example/rss",
                Instant.parse(published), Instant.parse(fetched), NOW, List.of("space-station"), Map.of(),
                kind == Alert.Kind.COPY ? 0.9 : null, kind == Alert.Kind.COPY ? "item-STORY" : null, "test", Map.of(),
                "en", null);
    }
}
