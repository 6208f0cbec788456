package dev.newsmon.sink.delivery;

import dev.newsmon.common.kafka.DeadLetters;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Where a receiver's undeliverable messages go: one topic, each record with {@code __newsmon.errors.*} headers
 * naming the service, the receiver, the attempts and the last failure. A write returns only once Kafka
 * acknowledged it, so a message is never dropped between a failed delivery and its dead letter.
 */
public final class DeadLetterTopic {
    private final String topic;
    private final String receiver;
    private final Producer<byte[], byte[]> producer;

    /** @param receiver the header {@code sink} of each dead letter: webhook, or the channel type */
    public DeadLetterTopic(String topic, String receiver, Producer<byte[], byte[]> producer) {
        this.topic = topic;
        this.receiver = receiver;
        this.producer = producer;
    }

    /** @param extra further headers, such as the subscription */
    public void write(byte[] key, byte[] value, Delivery.Failure failure, Map<String, String> extra)
            throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("service", "sink");
        fields.put("sink", receiver);
        fields.put("attempts", Integer.toString(failure.attempts()));
        fields.put("message", String.valueOf(failure.reason()));
        fields.putAll(extra);
        Headers headers = new RecordHeaders();
        fields.forEach((k, v) -> headers.add(DeadLetters.PREFIX + k, v.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(new ProducerRecord<>(topic, null, key, value, headers)).get();
        } catch (ExecutionException e) {
            throw new IOException("cannot write a dead letter to " + topic, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing a dead letter to " + topic, e);
        }
    }

    public String topic() {
        return topic;
    }
}
