package dev.newsmon.sink.http;

import dev.newsmon.broker.BrokerOptions;
import dev.newsmon.broker.EmbeddedBroker;
import dev.newsmon.common.Topics;
import dev.newsmon.common.config.ConfigLoader;
import dev.newsmon.common.json.Json;
import dev.newsmon.common.model.Alert;
import dev.newsmon.common.model.FeedStatus;
import dev.newsmon.sink.TestAlerts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The dashboard's view read back from a real broker, as at a restart: the alerts of the window and the latest
 * status of every feed, when every partition of {@code news.alerts} holds a recent alert (the case that once sent
 * the whole assignment, feed statuses included, to the end of the log).
 */
class ViewFeederIT {
    private static final int PARTITIONS = 3;

    @TempDir
    static Path dir;
    private static EmbeddedBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedBroker.start(BrokerOptions.forTest(dir.resolve("broker")));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.ALERTS, PARTITIONS, (short) 1),
                    new NewTopic(Topics.FEED_STATUS, PARTITIONS, (short) 1).configs(Topics.COMPACTED))).all().get();
        }
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void aRestartedViewHoldsTheWindowsStoriesAndEveryFeedsLatestStatusAndDropsADeletedFeed() throws Exception {
        Instant now = Instant.now();
        Instant recent = now.minus(Duration.ofHours(1));
        Instant old = now.minus(Duration.ofHours(30));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(alert(0, "s-old", old)).get();
            for (int p = 0; p < PARTITIONS; p++) {
                producer.send(alert(p, "s-" + p, recent)).get();
            }
            producer.send(status("https://harborcitypost.example/rss", 0, recent)).get();
            producer.send(status("https://lakesideledger.example/feed", 404, recent)).get();
            producer.send(status("https://harborcitypost.example/rss", 0, now)).get();
        }

        AlertView view = new AlertView(Duration.ofHours(24), Clock.systemUTC());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ViewFeeder feeder = new ViewFeeder(new KafkaConsumer<>(ViewFeeder.consumerConfig(ConfigLoader.load(null,
                Map.of(), Map.of("kafka.bootstrap.servers", broker.bootstrapServers())))), view, Clock.systemUTC(),
                registry);
        Thread thread = new Thread(feeder, "view-feeder-it");
        thread.start();
        try {
            await("the view rebuilt from the topics").atMost(Duration.ofSeconds(30))
                    .until(() -> view.stories(null).size() == PARTITIONS && view.feeds().size() == 2);
            assertEquals(Set.of("s-0", "s-1", "s-2"), view.stories(null).stream().map(StoryView::storyId)
                    .collect(Collectors.toSet()), "the window's stories, none older");
            FeedHealth failing = view.feeds().get(0);
            assertEquals("https://lakesideledger.example/feed", failing.feedUrl());
            assertEquals(FeedHealth.State.FAILING, failing.state());
            FeedHealth ok = view.feeds().get(1);
            assertEquals(now, ok.lastAttempt(),
                    "the latest status of a feed wins");
            assertEquals(14, ok.itemsInWindow(), "both polls of the window counted: 7 items each");

            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
                producer.send(new ProducerRecord<>(Topics.FEED_STATUS, bytes("https://lakesideledger.example/feed"),
                        null)).get();
            }
            await("a deleted feed's withdrawn status leaves the view").atMost(Duration.ofSeconds(30))
                    .until(() -> view.feeds().stream().map(FeedHealth::feedUrl).toList()
                            .equals(List.of("https://harborcitypost.example/rss")));
        } finally {
            feeder.close();
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
        assertEquals(0, registry.get("newsmon.sink.dashboard.records.unreadable").counter().count());
    }

    private static ProducerRecord<byte[], byte[]> alert(int partition, String story, Instant alerted) throws Exception {
        Alert a = TestAlerts.alert(story, "item-" + story, Alert.Kind.STORY, alerted);
        return new ProducerRecord<>(Topics.ALERTS, partition, alerted.toEpochMilli(), bytes(story),
                Json.mapper().writeValueAsBytes(a));
    }

    private static ProducerRecord<byte[], byte[]> status(String feed, int httpStatus, Instant at) throws Exception {
        boolean failed = httpStatus != 0;
        FeedStatus s = new FeedStatus(FeedStatus.SCHEMA_VERSION, feed, feed, "Outlet", at, failed ? null : at,
                failed ? httpStatus : 200, failed ? 1 : 0, at.plus(Duration.ofMinutes(5)),
                failed ? "cannot fetch " + feed + ": HTTP status " + httpStatus : null, 7, failed ? 0 : 7, false,
                null, null, false);
        return new ProducerRecord<>(Topics.FEED_STATUS, null, at.toEpochMilli(), bytes(feed),
                Json.mapper().writeValueAsBytes(s));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
