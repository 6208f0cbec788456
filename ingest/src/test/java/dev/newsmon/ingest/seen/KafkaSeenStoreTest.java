package dev.newsmon.ingest.seen;

import dev.newsmon.common.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KafkaSeenStoreTest {
    private static final TopicPartition PARTITION = new TopicPartition(Topics.INGEST_SEEN, 0);

    @Test
    void anUnreadableRecordIsSkippedAndCountedAndTheRestIsRestored() throws Exception {
        MockConsumer<String, SeenRecord> consumer = new MockConsumer<>("earliest");
        consumer.updatePartitions(Topics.INGEST_SEEN, List.of(new PartitionInfo(Topics.INGEST_SEEN, 0, null, null,
                null)));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        consumer.updateEndOffsets(Map.of(PARTITION, 3L));
        consumer.schedulePollTask(() -> consumer.addRecord(record(0, "item-a")));
        consumer.schedulePollTask(() -> consumer.setPollException(
                new RecordDeserializationException(PARTITION, 1, "not a seen record", null)));
        consumer.schedulePollTask(() -> consumer.addRecord(record(2, "item-c")));
        SeenItems seen = new SeenItems(SeenStore.NONE, Clock.systemUTC(), Duration.ofDays(30));

        int restored = KafkaSeenStore.load(consumer, seen, Duration.ofSeconds(10));

        assertEquals(2, restored);
        assertEquals(2, seen.size());
        assertEquals(1, seen.unreadableOnRestore());
    }

    private static ConsumerRecord<String, SeenRecord> record(long offset, String itemId) {
        return new ConsumerRecord<>(Topics.INGEST_SEEN, 0, offset, itemId, new SeenRecord(SeenRecord.SCHEMA_VERSION,
                "https://wire.example/feed", "hash-" + itemId, 0, Instant.now()));
    }
}
