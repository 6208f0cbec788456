package dev.newsmon.ingest.status;

import dev.newsmon.common.Topics;
import dev.newsmon.common.model.FeedStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedStatusTopicTest {
    private static final TopicPartition PARTITION = new TopicPartition(Topics.FEED_STATUS, 0);
    private static final String LEDGER = "https://orbital-ledger.example/feed.xml";
    private static final String SKYWARD = "https://skyward.example/atom";

    private final MockConsumer<String, FeedStatus> consumer = new MockConsumer<>("earliest");
    private final FeedStatusTopic reader = new FeedStatusTopic(() -> consumer);

    @Test
    void anUnreadableStatusIsSkippedAndCountedAndTheOthersAreFound() {
        consumer.updatePartitions(Topics.FEED_STATUS, List.of(new PartitionInfo(Topics.FEED_STATUS, 0, null, null,
                null)));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        consumer.updateEndOffsets(Map.of(PARTITION, 3L));
        consumer.schedulePollTask(() -> consumer.addRecord(record(0, LEDGER)));
        consumer.schedulePollTask(() -> consumer.setPollException(
                new RecordDeserializationException(PARTITION, 1, "not a feed status", null)));
        consumer.schedulePollTask(() -> consumer.addRecord(record(2, SKYWARD)));

        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        reader.bindTo(registry);
        Map<String, FeedStatus> found = reader.latest(Set.of(LEDGER, SKYWARD));

        assertEquals(Set.of(LEDGER, SKYWARD), found.keySet());
        assertEquals(1, registry.get("newsmon.ingest.feed.status.records.unreadable").functionCounter().count());
        assertTrue(consumer.closed(), "the reader's consumer is closed after the read");
    }

    @Test
    void aTopicThatCannotBeReadInTimeYieldsNothingSoTheFeedsStartAfresh() {
        consumer.setPollException(new KafkaException("broker away"));
        consumer.updatePartitions(Topics.FEED_STATUS, List.of(new PartitionInfo(Topics.FEED_STATUS, 0, null, null,
                null)));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        consumer.updateEndOffsets(Map.of(PARTITION, 1L));

        assertEquals(Map.of(), reader.latest(Set.of(LEDGER)));
    }

    private static ConsumerRecord<String, FeedStatus> record(long offset, String url) {
        return new ConsumerRecord<>(Topics.FEED_STATUS, 0, offset, url, new FeedStatus(FeedStatus.SCHEMA_VERSION,
                url, url, null, null, null, 200, 0, null, null, 0, 0, false, "\"e" + offset + "\"", null, false));
    }
}
