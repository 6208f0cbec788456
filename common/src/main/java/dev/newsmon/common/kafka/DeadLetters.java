package dev.newsmon.common.kafka;

import dev.newsmon.common.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;

/**
 * Builds records for {@code news.dlq} outside Kafka Streams. The header names follow the ones Kafka Streams'
 * own dead-letter queue writes ({@code __streams.errors.*}), with the prefix {@code __newsmon.errors.}, so one
 * tool can read both.
 */
public final class DeadLetters {
    public static final String PREFIX = "__newsmon.errors.";

    private DeadLetters() {
    }

    /** A dead letter for a record read from Kafka: the original bytes, with where they came from and why. */
    public static ProducerRecord<byte[], byte[]> of(String service, String topic, int partition, long offset,
                                                    byte[] key, byte[] value, Exception cause) {
        Headers headers = new RecordHeaders();
        put(headers, "service", service);
        put(headers, "topic", topic);
        put(headers, "partition", Integer.toString(partition));
        put(headers, "offset", Long.toString(offset));
        put(headers, "exception", cause.getClass().getName());
        put(headers, "message", String.valueOf(cause.getMessage()));
        return new ProducerRecord<>(Topics.DLQ, null, key, value, headers);
    }

    private static void put(Headers headers, String name, String value) {
        headers.add(PREFIX + name, value.getBytes(StandardCharsets.UTF_8));
    }
}
