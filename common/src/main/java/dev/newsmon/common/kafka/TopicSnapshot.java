package dev.newsmon.common.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Reads every partition of a topic from its beginning to the end offsets found at the start: how the current state
 * of a compacted topic is loaded, outside any consumer group.
 */
public final class TopicSnapshot {
    private static final Logger LOG = LoggerFactory.getLogger(TopicSnapshot.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private TopicSnapshot() {
    }

    /**
     * @param records    records read and handed on
     * @param unreadable records that could not be deserialized, each logged with its partition and offset and skipped
     */
    public record Result(int records, int unreadable) {
    }

    /**
     * @param consumer a consumer without a group (it is assigned the partitions here)
     * @param each     takes every record in offset order per partition, tombstones included
     */
    public static <K, V> Result read(Consumer<K, V> consumer, String topic, Duration timeout,
                                  java.util.function.Consumer<ConsumerRecord<K, V>> each) throws TimeoutException {
        Instant deadline = Instant.now().plus(timeout);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
        int n = 0;
        int unreadable = 0;
        while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            if (Instant.now().isAfter(deadline)) {
                throw new TimeoutException("reading " + topic + " took longer than " + timeout);
            }
            try {
                for (ConsumerRecord<K, V> r : consumer.poll(POLL)) {
                    each.accept(r);
                    n++;
                }
            } catch (RecordDeserializationException e) {
                // Kafka names the partition and offset in the message; skip the one bad record.
                LOG.warn("unreadable record topic={} skipped: {}", topic, e.getMessage());
                consumer.seek(e.topicPartition(), e.offset() + 1);
                unreadable++;
            }
        }
        return new Result(n, unreadable);
    }
}
