package dev.newsmon.ingest.group;

import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import dev.newsmon.ingest.status.PublishedStatuses;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * This instance's membership in the ingest group on {@link Topics#FEEDS}: a consumer on a thread of its own, polled
 * every {@link #POLL} so the instance stays in the group however long its feed fetches take, feeding a
 * {@link FeedAssignment}. {@link #close()} leaves the group, so the others take its partitions at once; an
 * instance that dies without leaving loses them when its session times out ({@code session.timeout.ms}).
 */
public final class FeedGroup implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FeedGroup.class);
    static final Duration POLL = Duration.ofMillis(500);
    /** Kafka's own default is 45 s; a dead instance's feeds should not wait that long for a new owner. */
    private static final int SESSION_TIMEOUT_MS = 10_000;
    /** A member learns of a rebalance at its next heartbeat; a cooperative one takes two (Kafka's default: 3 s). */
    private static final int HEARTBEAT_INTERVAL_MS = 1_000;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final Consumer<String, byte[]> consumer;
    private final FeedAssignment assignment;
    private final Thread thread;
    private final CountDownLatch closing = new CountDownLatch(1);

    private FeedGroup(Consumer<String, byte[]> consumer, FeedPoller poller, PublishedStatuses statuses,
                      MeterRegistry registry) {
        this.consumer = consumer;
        this.assignment = new FeedAssignment(consumer, poller, statuses, registry);
        this.thread = new Thread(this::run, "newsmon-ingest-feeds");
        thread.setDaemon(true);
    }

    /**
     * Joins the group on a thread of its own, and hands the feeds it is assigned to {@code poller}, each resumed
     * from its status in {@code statuses} where it has one; its meters go to {@code registry}.
     */
    public static FeedGroup start(Consumer<String, byte[]> consumer, FeedPoller poller, PublishedStatuses statuses,
                                  MeterRegistry registry) {
        FeedGroup group = new FeedGroup(consumer, poller, statuses, registry);
        group.thread.start();
        return group;
    }

    /**
     * The group consumer's configuration: a short session, frequent heartbeats and cooperative rebalancing (a
     * partition that stays keeps its feeds' schedule), which {@code kafka.*} may override; then what the group relies
     * on: no offset commits (every assignment re-reads its partitions from the beginning).
     */
    public static Map<String, Object> consumerConfig(NewsmonConfig config) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, SESSION_TIMEOUT_MS);
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, HEARTBEAT_INTERVAL_MS);
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        props.putAll(config.kafka());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.get(Settings.INGEST_GROUP_ID));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return props;
    }

    public FeedAssignment assignment() {
        return assignment;
    }

    private void run() {
        try {
            consumer.subscribe(List.of(Topics.FEEDS), assignment);
            while (closing.getCount() != 0) {
                try {
                    assignment.accept(consumer.poll(POLL));
                } catch (WakeupException e) {
                    // close() woke the poll; the loop condition ends it.
                } catch (KafkaException e) {
                    // A broker away or an offset lookup timed out: the group keeps its state and tries again.
                    LOG.warn("feed group poll failed topic={}; retrying: {}", Topics.FEEDS, e.toString());
                    closing.await(POLL.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // Leaves the group: the listener hears the revocation and takes this instance's feeds off its poller.
            consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
        }
    }

    /** Leaves the group and waits for the thread to end. */
    @Override
    public void close() throws InterruptedException {
        closing.countDown();
        consumer.wakeup();
        thread.join(CLOSE_TIMEOUT.multipliedBy(2).toMillis());
    }
}
