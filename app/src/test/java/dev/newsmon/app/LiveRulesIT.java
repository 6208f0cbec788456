package dev.newsmon.app;

import dev.newsmon.app.pipeline.Cluster;
import dev.newsmon.app.pipeline.ProcessorAssembly;
import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.ops.Ops;
import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.model.Alert;
import dev.newsmon.common.model.FeedItem;
import dev.newsmon.processor.ProcessorService;
import dev.newsmon.processor.tagging.RulesException;
import dev.newsmon.processor.tagging.RulesLoader;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rules pushed with {@code newsmon rules push} while the processor runs on the embedded broker: the next item is
 * tagged by them and its alert carries their version, by the same running Kafka Streams instance.
 */
class LiveRulesIT {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    /** The shipped rules file's version, read from it so that a rules change does not break this test. */
    private static final String FILE_RULES_VERSION = shippedRulesVersion();
    private static final String LIVE_RULES = """
            version: it-live-2
            tags:
              fuel:
                priority: 1
                queries:
                  - name: gas-station
                    query: '"gas station" OR "petrol station"'
            """;

    @TempDir
    static Path dir;
    @RegisterExtension
    static final SharedBroker BROKER = new SharedBroker();

    private static String shippedRulesVersion() {
        try {
            return RulesLoader.load(Path.of("..", "config", "rules.yaml")).version();
        } catch (RulesException e) {
            throw new IllegalStateException("the shipped rules file does not load", e);
        }
    }

    @Test
    void pushedRulesTagTheNextItemWithoutARestart() throws Exception {
        NewsmonConfig config = NewsmonConfig.defaults().withKnown(Map.of(
                "kafka.bootstrap.servers", BROKER.bootstrapServers(),
                "data.dir", dir.resolve("data").toString(),
                "processor.rules.file", "../config/rules.yaml"));
        try (Ops ops = Ops.start(config, "processor");
             Cluster cluster = Cluster.open(config);
             KafkaProducer<String, FeedItem> items = new KafkaProducer<>(config.kafkaProperties(Map.of(
                     ProducerConfig.ACKS_CONFIG, "all")),
                     new StringSerializer(), JsonSerde.of(FeedItem.class).serializer());
             KafkaConsumer<String, Alert> alerts = new KafkaConsumer<>(config.kafkaProperties(Map.of(
                     ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                     ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                     ConsumerConfig.GROUP_ID_CONFIG, "live-rules-it")),
                     new StringDeserializer(), JsonSerde.of(Alert.class).deserializer())) {
            ProcessorService processor = ProcessorAssembly.build(cluster.config(), ops);
            try {
                processor.start();
                assertTrue(processor.awaitRunning(DEADLINE), "processor RUNNING");
                alerts.subscribe(List.of(Topics.ALERTS));

                send(items, "iss-1", "Crew Dragon docks at the space station",
                        "Four astronauts arrived at the International Space Station on Tuesday.");
                Alert first = nextAlert(alerts);
                assertEquals("iss-1", first.itemId());
                assertEquals(FILE_RULES_VERSION, first.rulesVersion(), "the file's rules while news.rules is empty");

                Path bad = Files.writeString(dir.resolve("bad.yaml"),
                        LIVE_RULES.replace("'\"gas station\" OR \"petrol station\"'", "'(gas AND'"));
                assertEquals(Main.USAGE, push(bad), "a query that does not parse is refused");
                assertEquals(0, endOffset(config), "nothing published");

                Path good = Files.writeString(dir.resolve("rules.yaml"), LIVE_RULES);
                assertEquals(0, push(good));
                await("the processor picks up the pushed rules").atMost(DEADLINE)
                        .until(() -> processor.liveRulesVersion().equals(Optional.of("it-live-2")));

                send(items, "gas-1", "Clerk robbed at gas station on Route 9",
                        "Police said a man threatened the clerk of the gas station and fled.");
                Alert second = nextAlert(alerts);
                assertEquals("gas-1", second.itemId());
                assertEquals(List.of("fuel"), second.tags());
                assertEquals("it-live-2", second.rulesVersion());
                assertEquals(KafkaStreams.State.RUNNING, processor.state(), "no restart");
                assertEquals(0, ops.registry().get("newsmon.processor.stream.threads.replaced").counter().count(),
                        "no stream thread was replaced");
            } finally {
                processor.close(Duration.ofSeconds(30));
            }
        }
    }

    private static int push(Path rules) {
        return Main.commandLine().execute("rules", "push", rules.toString(),
                "--bootstrap-servers", BROKER.bootstrapServers());
    }

    private static long endOffset(NewsmonConfig config) {
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(config.kafkaProperties(Map.of()),
                new StringDeserializer(), new StringDeserializer())) {
            TopicPartition p = new TopicPartition(Topics.RULES, 0);
            return c.endOffsets(List.of(p)).get(p);
        }
    }

    private static void send(KafkaProducer<String, FeedItem> producer, String id, String title, String text)
            throws Exception {
        FeedItem item = new FeedItem(FeedItem.SCHEMA_VERSION, id, null, "https://quarry-bay.example/feed.xml",
                "Quarry Bay Bulletin", "https://quarry-bay.example/" + id, title, text, Instant.now(), Instant.now());
        producer.send(new ProducerRecord<>(Topics.ITEMS, id, item)).get();
    }

    private static Alert nextAlert(KafkaConsumer<String, Alert> consumer) {
        // In the test's thread: a consumer is not to be shared between threads.
        return await("the next alert").atMost(DEADLINE).pollInSameThread()
                .until(() -> consumer.poll(Duration.ofMillis(200)), records -> !records.isEmpty())
                .iterator().next().value();
    }
}
