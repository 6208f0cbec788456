package dev.newsmon.ingest.feedlist;

import dev.newsmon.common.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedsTopicTest {
    private static final FeedSource LEDGER = new FeedSource("https://orbital-ledger.example/feed.xml",
            "Orbital Ledger", Map.of("X-Token", "t-1"), Duration.ofMinutes(30));
    private static final FeedSource SKYWARD = new FeedSource("https://skyward.example/atom", null);

    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());

    @Test
    void writesEachFeedUnderItsUrlAndATombstoneToRemoveIt() throws Exception {
        try (FeedsTopic topic = new FeedsTopic(producer)) {
            topic.put(List.of(LEDGER, SKYWARD));
            topic.remove(SKYWARD.url());
        }

        List<ProducerRecord<String, byte[]>> sent = producer.history();
        assertEquals(List.of(LEDGER.url(), SKYWARD.url(), SKYWARD.url()),
                sent.stream().map(ProducerRecord::key).toList());
        assertTrue(sent.stream().allMatch(r -> r.topic().equals(Topics.FEEDS)));
        String json = new String(sent.get(0).value(), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"interval\":\"PT30M\""), "the interval is ISO-8601 text: " + json);
        assertNull(sent.get(2).value(), "a removal is a tombstone");

        Map<String, FeedSource> feeds = new HashMap<>();
        sent.forEach(r -> assertTrue(FeedsTopic.apply(record(r.key(), r.value()), feeds)));
        assertEquals(Map.of(LEDGER.url(), LEDGER), feeds,
                "read back: headers and interval survive, the removed is gone");
    }

    @Test
    void withdrawsAFeedsStatusWithATombstoneUnderItsUrl() throws Exception {
        try (FeedsTopic topic = new FeedsTopic(producer)) {
            topic.withdrawStatus(SKYWARD.url());
        }

        ProducerRecord<String, byte[]> sent = producer.history().get(0);
        assertEquals(List.of(Topics.FEED_STATUS, SKYWARD.url()), List.of(sent.topic(), sent.key()));
        assertNull(sent.value());
    }

    @Test
    void aRecordThatCannotBeReadLeavesItsFeedOutAsALaterRecordOfTheKeyWould() {
        Map<String, FeedSource> feeds = new HashMap<>(Map.of(LEDGER.url(), LEDGER, SKYWARD.url(), SKYWARD));

        assertFalse(FeedsTopic.apply(record(LEDGER.url(), "{not json".getBytes(StandardCharsets.UTF_8)), feeds));
        assertFalse(FeedsTopic.apply(record(SKYWARD.url(),
                "{\"url\":\"https://elsewhere.example/rss\"}".getBytes(StandardCharsets.UTF_8)), feeds),
                "a value naming another URL than its key");
        assertFalse(FeedsTopic.apply(record(null, "{}".getBytes(StandardCharsets.UTF_8)), feeds), "no key");

        assertEquals(Map.of(), feeds);
    }

    private static ConsumerRecord<String, byte[]> record(String key, byte[] value) {
        return new ConsumerRecord<>(Topics.FEEDS, 0, 7, key, value);
    }
}
