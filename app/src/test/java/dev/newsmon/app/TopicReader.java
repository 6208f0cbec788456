package dev.newsmon.app;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.core.ConditionFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * Every partition of one topic read from its beginning, committed records only, without a consumer group: up to the
 * end offsets of the moment, or until the records read so far are enough. The reads happen in the calling thread,
 * since a consumer is not to be shared between threads; Awaitility bounds them.
 */
public final class TopicReader<K, V> implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(200);

    private final String topic;
    private final KafkaConsumer<K, V> consumer;
    private final List<TopicPartition> partitions;
    private final List<ConsumerRecord<K, V>> read = new ArrayList<>();

    public TopicReader(String bootstrapServers, String topic, Deserializer<K> keys, Deserializer<V> values) {
        this.topic = topic;
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), keys, values);
        partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    public static TopicReader<byte[], byte[]> bytes(String bootstrapServers, String topic) {
        return new TopicReader<>(bootstrapServers, topic, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    public static TopicReader<String, String> strings(String bootstrapServers, String topic) {
        return new TopicReader<>(bootstrapServers, topic, new StringDeserializer(), new StringDeserializer());
    }

    /** Every record read, once the topic is read up to its end offsets as they stand at this call. */
    public List<ConsumerRecord<K, V>> toEnd(Duration atMost) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        return until(await(topic + " read to its end offsets " + ends).atMost(atMost),
                records -> partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p)));
    }

    /**
     * Every record read, once {@code enough} holds of them.
     *
     * @param wait how long to wait, and what fails the wait early (see {@link NewsmonProcess#awaitWhileAlive})
     */
    public List<ConsumerRecord<K, V>> until(ConditionFactory wait, Predicate<List<ConsumerRecord<K, V>>> enough) {
        wait.pollInSameThread().until(() -> {
            consumer.poll(POLL).forEach(read::add);
            return enough.test(read);
        });
        return List.copyOf(read);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
