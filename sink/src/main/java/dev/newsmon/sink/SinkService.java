package dev.newsmon.sink;

import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.kafka.DeadLetters;
import dev.newsmon.common.kafka.StaticMembership;
import dev.newsmon.common.model.Alert;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Consumes {@code news.alerts} (read_committed, so only alerts of committed processor transactions) for one sink,
 * in that sink's own consumer group, so a slow sink never holds back another. Offsets are committed only after
 * the sink has made what it was given durable and every dead letter is acknowledged; a failing sink makes the
 * uncommitted alerts be read again after a backoff, never skipped.
 *
 * <p>With a linger (the webhook's fold window) the service keeps writing polled batches and commits them together
 * once the linger has passed, so the sink sees a burst whole.
 */
public final class SinkService implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SinkService.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final Consumer<byte[], byte[]> consumer;
    private final Producer<byte[], byte[]> deadLetters;
    private final AlertSink sink;
    private final Duration linger;
    private final Deserializer<Alert> alerts = JsonSerde.of(Alert.class).deserializer();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Counter alertsWritten;
    private final Counter committed;
    private final Counter deadLettered;
    private final Counter failedBatches;
    /** Written but not committed: the next offset per partition, and where to rewind to on failure. */
    private final Map<TopicPartition, OffsetAndMetadata> pendingNext = new HashMap<>();
    private final Map<TopicPartition, Long> pendingFirst = new HashMap<>();
    private long pendingRecords;
    private long pendingSinceNanos;

    public SinkService(Consumer<byte[], byte[]> consumer, Producer<byte[], byte[]> deadLetters, AlertSink sink,
                       MeterRegistry registry) {
        this(consumer, deadLetters, sink, Duration.ZERO, registry);
    }

    /** @param registry where the service registers its meters, tagged with the sink's name */
    public SinkService(Consumer<byte[], byte[]> consumer, Producer<byte[], byte[]> deadLetters, AlertSink sink,
                       Duration linger, MeterRegistry registry) {
        this.consumer = consumer;
        this.deadLetters = deadLetters;
        this.sink = sink;
        this.linger = linger;
        this.alertsWritten = counter(registry, "newsmon.sink.alerts.written", "Alerts made durable, per sink");
        this.committed = counter(registry, "newsmon.sink.records.committed",
                "Records of news.alerts handled and committed");
        this.deadLettered = counter(registry, "newsmon.sink.dead.lettered",
                "Records of news.alerts that were not alerts, sent to news.dlq");
        this.failedBatches = counter(registry, "newsmon.sink.batches.failed",
                "Batches whose write failed and were retried after a backoff");
    }

    private Counter counter(MeterRegistry registry, String name, String help) {
        return Counter.builder(name).description(help).tag("sink", sink.name()).register(registry);
    }

    /** The consumer group of the sink named {@code sinkName}: {@code sink.group.id} then a dash and the name. */
    public static String groupId(NewsmonConfig config, String sinkName) {
        return config.get(Settings.SINK_GROUP_ID) + "-" + sinkName;
    }

    /**
     * The consumer of sink {@code sinkName}: a static member of its group with a short session
     * ({@link StaticMembership}), which {@code kafka.*} may override, reading committed alerts from the beginning
     * and committing only what the sink made durable.
     */
    public static Map<String, Object> consumerConfig(NewsmonConfig config, String sinkName) {
        String group = groupId(config, sinkName);
        Map<String, Object> props = new HashMap<>(StaticMembership.member(config, group));
        props.putAll(config.kafka());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
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

    public String sinkName() {
        return sink.name();
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(Topics.ALERTS), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    // Still the owner here: commit what was written rather than hand it to the next owner twice.
                    if (!pendingNext.isEmpty() && !commitPending()) {
                        clearPending();
                    }
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                }
            });
            Duration backoff = Duration.ofSeconds(1);
            while (stopRequested.getCount() > 0) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(pollTimeout());
                boolean ok = batch.isEmpty() || writeBatch(batch);
                if (ok && !pendingNext.isEmpty() && lingerElapsed()) {
                    ok = commitPending();
                }
                if (ok) {
                    backoff = Duration.ofSeconds(1);
                    continue;
                }
                rewindPending();
                // Waiting on the latch lets stop() end the backoff at once.
                if (stopRequested.await(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
                    break;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
            if (!pendingNext.isEmpty()) {
                commitPending();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // Before consumer.close(), whose revocation would otherwise commit it through a sink that failed.
            abandonPending();
            closeSink();
            // A static member stays in the group on a plain close: leave, so the partitions move at once.
            consumer.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
            deadLetters.close();
            stopped.countDown();
        }
    }

    private Duration pollTimeout() {
        if (pendingNext.isEmpty()) {
            return POLL;
        }
        long left = linger.toNanos() - (System.nanoTime() - pendingSinceNanos);
        return Duration.ofNanos(Math.max(0, Math.min(left, POLL.toNanos())));
    }

    private boolean lingerElapsed() {
        return System.nanoTime() - pendingSinceNanos >= linger.toNanos();
    }

    /** Hands one batch to the sink, uncommitted. False when everything uncommitted must be read again. */
    private boolean writeBatch(ConsumerRecords<byte[], byte[]> batch) throws InterruptedException {
        if (pendingNext.isEmpty()) {
            pendingSinceNanos = System.nanoTime();
        }
        // Every partition of the batch, not only those reached before a failure: the consumer's position is past
        // all of the batch, and a partition not rewound would have its unwritten alerts skipped.
        for (TopicPartition tp : batch.partitions()) {
            pendingFirst.putIfAbsent(tp, batch.records(tp).get(0).offset());
        }
        ConsumerRecord<byte[], byte[]> current = null;
        try {
            for (ConsumerRecord<byte[], byte[]> r : batch) {
                current = r;
                TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                Alert alert;
                try {
                    alert = alerts.deserialize(r.topic(), r.headers(), r.value());
                } catch (SerializationException e) {
                    deadLetter(r, e);
                    pendingNext.put(tp, new OffsetAndMetadata(r.offset() + 1));
                    continue;
                }
                sink.write(alert);
                pendingNext.put(tp, new OffsetAndMetadata(r.offset() + 1));
                pendingRecords++;
            }
            return true;
        } catch (IOException e) {
            failedBatches.increment();
            LOG.error("sink={} cannot write alert at topic={} partition={} offset={}: {}; every uncommitted alert "
                    + "will be read again", sink.name(), current.topic(), current.partition(), current.offset(),
                    e.toString());
            rollbackSink();
            return false;
        }
    }

    /** Makes the sink durable, then commits the offsets. False when everything uncommitted must be read again. */
    private boolean commitPending() {
        try {
            sink.commit();
            alertsWritten.increment(pendingRecords);
            deadLetters.flush();
            consumer.commitSync(new HashMap<>(pendingNext));
            committed.increment(pendingRecords);
            clearPending();
            return true;
        } catch (IOException e) {
            failedBatches.increment();
            LOG.error("sink={} cannot commit {} alerts: {}; they will be read again", sink.name(), pendingRecords,
                    e.toString());
            rollbackSink();
            return false;
        }
    }

    /**
     * Forgets what is still uncommitted when the loop ends: a commit that failed, or an error out of the sink. It
     * was never made durable, so it is rolled back and left for Kafka to deliver again, never committed.
     */
    private void abandonPending() {
        if (pendingNext.isEmpty()) {
            return;
        }
        LOG.error("sink={} stops with {} alerts written but not committed (offsets {}); they will be read again",
                sink.name(), pendingRecords, pendingFirst);
        clearPending();
        rollbackSink();
    }

    private void clearPending() {
        pendingNext.clear();
        pendingFirst.clear();
        pendingRecords = 0;
    }

    private void deadLetter(ConsumerRecord<byte[], byte[]> r, SerializationException e)
            throws InterruptedException, IOException {
        LOG.warn("poison record on topic={} partition={} offset={}: {}; sent to {}", r.topic(), r.partition(),
                r.offset(), e.getMessage(), Topics.DLQ);
        try {
            deadLetters.send(DeadLetters.of("sink", r.topic(), r.partition(), r.offset(), r.key(), r.value(), e)).get();
            deadLettered.increment();
        } catch (ExecutionException sendFailure) {
            // Not acknowledged means not safe to skip: fail the batch so it is read again.
            throw new IOException("cannot write dead letter for topic=" + r.topic() + " partition="
                    + r.partition() + " offset=" + r.offset(), sendFailure.getCause());
        }
    }

    private void rewindPending() {
        Set<TopicPartition> owned = consumer.assignment();
        pendingFirst.forEach((tp, offset) -> {
            if (owned.contains(tp)) {
                consumer.seek(tp, offset);
            }
        });
        clearPending();
    }

    private void rollbackSink() {
        try {
            sink.rollback();
        } catch (IOException e) {
            LOG.error("sink={} cannot roll back: {}", sink.name(), e.toString());
        }
    }

    private void closeSink() {
        try {
            sink.close();
        } catch (IOException e) {
            LOG.error("sink={} did not close cleanly: {}", sink.name(), e.toString());
        }
    }

    /**
     * Stops after the batch in hand, committing what was written; waits up to {@code timeout}. No wakeup():
     * it could interrupt the offset commit of a batch already written.
     */
    public boolean stop(Duration timeout) throws InterruptedException {
        stopRequested.countDown();
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Releases the clients of a service that never ran (start-up failed half-way), without waiting on Kafka. */
    public void abandon() {
        closeSink();
        consumer.close(CloseOptions.timeout(Duration.ZERO));
        deadLetters.close(Duration.ZERO);
    }

    @Override
    public void close() throws InterruptedException {
        stop(Duration.ofSeconds(30));
    }
}
