package dev.newsmon.ingest.status;

import dev.newsmon.common.Topics;
import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.model.FeedStatus;
import dev.newsmon.ingest.feedlist.FeedSource;
import dev.newsmon.ingest.schedule.FeedState;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A feed's status is keyed by its URL, and a deleted feed's is withdrawn by a tombstone of that key. */
class StatusPublisherTest {
    private static final FeedSource FEED = new FeedSource("https://orbital-ledger.example/rss", "Orbital Ledger",
            Map.of(), Duration.ofMinutes(15));

    @Test
    void aWithdrawnStatusIsATombstoneOfTheFeedsKeyAfterItsStatuses() {
        MockProducer<String, FeedStatus> producer = new MockProducer<>(true, null, new StringSerializer(),
                JsonSerde.of(FeedStatus.class).serializer());
        StatusPublisher publisher = new StatusPublisher(producer);
        publisher.publish(FeedState.fresh(FEED, Instant.parse("2026-12-07T10:00:00Z")), 3);
        publisher.withdraw(FEED.url());
        publisher.close();
        List<ProducerRecord<String, FeedStatus>> sent = producer.history();
        assertEquals(2, sent.size());
        sent.forEach(r -> assertEquals(Topics.FEED_STATUS, r.topic()));
        sent.forEach(r -> assertEquals(FEED.url(), r.key()));
        assertNotNull(sent.get(0).value());
        assertNull(sent.get(1).value(), "the second record is the tombstone");
        assertEquals(0, publisher.failures());
    }
}
