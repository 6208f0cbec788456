package dev.newsmon.sink;

import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.kafka.DeadLetters;
import dev.newsmon.common.model.Alert;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Consumes {@code news.alerts} (read_committed, so only alerts of committed processor transactions) and hands
 * each to its sinks. Offsets are committed only after every sink has made the batch durable and every dead
 * letter is acknowledged; a failing sink makes the whole batch be read again after a backoff, never skipped.
 */
public final class SinkService implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SinkService.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final Consumer<byte[], byte[]> consumer;
    private final Producer<byte[], byte[]> deadLetters;
    private final List<AlertSink> sinks;
    private final Deserializer<Alert> alerts = JsonSerde.of(Alert.class).deserializer();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong failedBatches = new AtomicLong();

    public SinkService(Consumer<byte[], byte[]> consumer, Producer<byte[], byte[]> deadLetters,
                       List<AlertSink> sinks) {
        this.consumer = consumer;
        this.deadLetters = deadLetters;
        this.sinks = List.copyOf(sinks);
    }

    public static Map<String, Object> consumerConfig(NewsmonConfig config) {
        Map<String, Object> props = new HashMap<>(config.kafka());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.get(Settings.SINK_GROUP_ID));
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return props;
    }

    public static Map<String, Object> deadLetterProducerConfig(NewsmonConfig config) {
        Map<String, Object> props = new HashMap<>(config.kafka());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return props;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(Topics.ALERTS));
            Duration backoff = Duration.ofSeconds(1);
            while (stopRequested.getCount() > 0) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(POLL);
                if (batch.isEmpty()) {
                    continue;
                }
                if (handle(batch)) {
                    backoff = Duration.ofSeconds(1);
                } else {
                    rewind(batch);
                    // Waiting on the latch lets stop() end the backoff at once.
                    if (stopRequested.await(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
                        break;
                    }
                    backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeSinks();
            consumer.close();
            deadLetters.close();
            stopped.countDown();
        }
    }

    /** Writes, makes durable and commits one batch. False when it must be read again. */
    private boolean handle(ConsumerRecords<byte[], byte[]> batch) throws InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        ConsumerRecord<byte[], byte[]> current = null;
        try {
            for (ConsumerRecord<byte[], byte[]> r : batch) {
                current = r;
                Alert alert;
                try {
                    alert = alerts.deserialize(r.topic(), r.headers(), r.value());
                } catch (SerializationException e) {
                    deadLetter(r, e);
                    next.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
                    continue;
                }
                for (AlertSink sink : sinks) {
                    sink.write(alert);
                }
                next.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
            }
            current = null;
            for (AlertSink sink : sinks) {
                sink.commit();
            }
            deadLetters.flush();
            consumer.commitSync(next);
            written.addAndGet(batch.count());
            return true;
        } catch (IOException e) {
            failedBatches.incrementAndGet();
            String where = current == null ? "at commit" : "at topic=" + current.topic() + " partition="
                    + current.partition() + " offset=" + current.offset();
            LOG.error("cannot write alerts {}: {}; the batch of {} will be retried", where, e.toString(),
                    batch.count());
            rollbackSinks();
            return false;
        }
    }

    private void deadLetter(ConsumerRecord<byte[], byte[]> r, SerializationException e)
            throws InterruptedException, IOException {
        LOG.warn("poison record on topic={} partition={} offset={}: {}; sent to {}", r.topic(), r.partition(),
                r.offset(), e.getMessage(), Topics.DLQ);
        try {
            deadLetters.send(DeadLetters.of("sink", r.topic(), r.partition(), r.offset(), r.key(), r.value(), e)).get();
            deadLettered.incrementAndGet();
        } catch (ExecutionException sendFailure) {
            // Not acknowledged means not safe to skip: fail the batch so it is read again.
            throw new IOException("cannot write dead letter for topic=" + r.topic() + " partition="
                    + r.partition() + " offset=" + r.offset(), sendFailure.getCause());
        }
    }

    private void rewind(ConsumerRecords<byte[], byte[]> batch) {
        for (TopicPartition tp : batch.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> records = batch.records(tp);
            consumer.seek(tp, records.get(0).offset());
        }
    }

    private void rollbackSinks() {
        for (AlertSink sink : sinks) {
            try {
                sink.rollback();
            } catch (IOException e) {
                LOG.error("sink {} cannot roll back: {}", sink.name(), e.toString());
            }
        }
    }

    private void closeSinks() {
        for (AlertSink sink : sinks) {
            try {
                sink.close();
            } catch (IOException e) {
                LOG.error("sink {} did not close cleanly: {}", sink.name(), e.toString());
            }
        }
    }

    public long written() {
        return written.get();
    }

    public long deadLettered() {
        return deadLettered.get();
    }

    public long failedBatches() {
        return failedBatches.get();
    }

    /**
     * Stops after the batch in hand, committing what was written; waits up to {@code timeout}. No wakeup():
     * it could interrupt the offset commit of a batch already written.
     */
    public boolean stop(Duration timeout) throws InterruptedException {
        stopRequested.countDown();
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        stop(Duration.ofSeconds(30));
    }
}
