package dev.newsmon.ingest.publish;

import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.model.FeedItem;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ItemPublisherTest {

    @Test
    void producerConfigPassesKafkaKeysThroughButKeepsIdempotenceAndAcksAll() {
        NewsmonConfig config = NewsmonConfig.defaults().withKnown(Map.of(
                "kafka.bootstrap.servers", "broker-1.example:9092", "kafka.acks", "1", "kafka.linger.ms", "20"));

        Map<String, Object> props = ItemPublisher.producerConfig(config);

        assertEquals("broker-1.example:9092", props.get("bootstrap.servers"));
        assertEquals("20", props.get("linger.ms"));
        assertEquals("all", props.get("acks"));
        assertEquals(true, props.get("enable.idempotence"));
        assertEquals("newsmon-ingest", props.get("client.id"));
    }

    @Test
    void publishesToItemsTopicKeyedByItemId() {
        MockProducer<String, FeedItem> mock = mockProducer(true);
        ItemPublisher publisher = new ItemPublisher(mock);

        List<Exception> acks = new ArrayList<>();
        publisher.publish(item("id-1"), acks::add);
        publisher.flush();

        ProducerRecord<String, FeedItem> sent = mock.history().get(0);
        assertEquals(Topics.ITEMS, sent.topic());
        assertEquals("id-1", sent.key());
        assertEquals("id-1", sent.value().itemId());
        assertEquals(1, publisher.sent());
        assertEquals(0, publisher.failures());
        assertEquals(Collections.singletonList(null), acks);
    }

    @Test
    void countsFailedSends() {
        MockProducer<String, FeedItem> mock = mockProducer(false);
        ItemPublisher publisher = new ItemPublisher(mock);

        List<Exception> acks = new ArrayList<>();
        publisher.publish(item("id-1"), acks::add);
        publisher.publish(item("id-2"), acks::add);
        TimeoutException unreachable = new TimeoutException("broker unreachable");
        assertTrue(mock.errorNext(unreachable));
        assertTrue(mock.completeNext());

        assertEquals(1, publisher.failures());
        assertEquals(1, publisher.sent());
        assertEquals(Arrays.asList(unreachable, null), acks);
    }

    @Test
    void closeClosesTheProducer() {
        MockProducer<String, FeedItem> mock = mockProducer(true);

        new ItemPublisher(mock).close();

        assertTrue(mock.closed());
    }

    static MockProducer<String, FeedItem> mockProducer(boolean autoComplete) {
        return new MockProducer<>(autoComplete, null, new StringSerializer(), JsonSerde.of(FeedItem.class).serializer());
    }

    private static FeedItem item(String id) {
        return new FeedItem(FeedItem.SCHEMA_VERSION, id, null, "https://wire.example/rss", "Wire",
                "https://wire.example/a", "Title", "Text", null, Instant.parse("2026-11-24T12:00:00Z"));
    }
}
