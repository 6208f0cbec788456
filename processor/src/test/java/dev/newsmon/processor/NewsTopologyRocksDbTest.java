package dev.newsmon.processor;

import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.model.Alert;
import dev.newsmon.common.model.FeedItem;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static dev.newsmon.processor.Articles.BLOG_TEXT;
import static dev.newsmon.processor.Articles.ORIGINAL_TEXT;
import static dev.newsmon.processor.Articles.TITLE;
import static dev.newsmon.processor.Articles.item;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The production store type (RocksDB, the default), which {@link NewsTopologyTest} replaces by memory for speed. */
class NewsTopologyRocksDbTest {
    private static final Instant T0 = Instant.parse("2026-03-03T08:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void storyAndCopyWithPersistentStores() {
        NewsmonConfig config = NewsmonConfig.defaults().withKnown(Map.of("data.dir", dataDir.toString()));
        Properties props = NewsTopology.streamsProperties(config);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try (TopologyTestDriver driver = new TopologyTestDriver(
                NewsTopology.buildTopology(config, new KeywordTagger()), props, T0)) {
            TestInputTopic<String, FeedItem> items = driver.createInputTopic(Topics.ITEMS, new StringSerializer(),
                    JsonSerde.of(FeedItem.class).serializer());
            TestOutputTopic<String, Alert> alerts = driver.createOutputTopic(Topics.ALERTS, new StringDeserializer(),
                    JsonSerde.of(Alert.class).deserializer());

            FeedItem original = item("orig", "harbor-point-herald", TITLE, ORIGINAL_TEXT, T0);
            items.pipeInput("orig", original, T0);
            Instant later = T0.plus(Duration.ofHours(2));
            items.pipeInput("blog", item("blog", "cosmos-daily", TITLE, BLOG_TEXT, later), later);
            items.pipeInput("orig", original, later);

            List<Alert> out = alerts.readValuesToList();
            assertEquals(List.of(Alert.Kind.STORY, Alert.Kind.COPY), out.stream().map(Alert::kind).toList());
            assertEquals(out.get(0).storyId(), out.get(1).storyId());
        }
    }
}
