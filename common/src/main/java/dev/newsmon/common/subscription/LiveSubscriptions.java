package dev.newsmon.common.subscription;

import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;

import io.micrometer.core.instrument.Counter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;


/**
 * The subscriptions as they change: {@link Topics#SUBSCRIPTIONS} read from the beginning and then followed, on a
 * thread of its own, so a service applies an added, changed or removed subscription within a poll (200 ms). Each
 * change is told to the listeners, on this thread. Thread-safe to read.
 */
public final class LiveSubscriptions implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveSubscriptions.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

    private final org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer;
    private final Map<String, Subscription> byName = new ConcurrentHashMap<>();
    private final List<Consumer<Subscription>> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch loaded = new CountDownLatch(1);
    private final Counter unreadable;
    private volatile boolean running = true;

    /** @param unreadable counts the records that could not be read (each leaves its subscription out) */
    public LiveSubscriptions(org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer, Counter unreadable) {
        this.consumer = consumer;
        this.unreadable = unreadable;
    }

    /** Follows the topic of {@code config}'s cluster, on a daemon thread started here. */
    public static LiveSubscriptions start(NewsmonConfig config, String threadName, Counter unreadable) {
        LiveSubscriptions live = new LiveSubscriptions(new KafkaConsumer<>(SubscriptionsTopic.readerConfig(config),
                new StringDeserializer(), new ByteArrayDeserializer()), unreadable);
        Thread t = new Thread(live, threadName);
        t.setDaemon(true);
        t.start();
        return live;
    }

    /** Called with each subscription added or changed (not removed), including those present at start. */
    public void onChange(Consumer<Subscription> listener) {
        listeners.add(listener);
    }

    public Optional<Subscription> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Map<String, Subscription> all() {
        return Map.copyOf(byName);
    }

    /** True once the topic as it stood at start has been read. */
    public boolean awaitLoaded(Duration timeout) throws InterruptedException {
        return loaded.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void run() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.SUBSCRIPTIONS, METADATA_TIMEOUT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions, METADATA_TIMEOUT));
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
                    handle(r);
                }
                if (loaded.getCount() > 0 && ends.entrySet().stream()
                        .allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    loaded.countDown();
                }
            }
        } catch (WakeupException e) {
            LOG.debug("subscriptions reader woken up to stop");
        } finally {
            consumer.close();
        }
    }

    private void handle(ConsumerRecord<String, byte[]> r) {
        if (!SubscriptionsTopic.apply(r, byName)) {
            unreadable.increment();
            return;
        }
        Subscription s = r.key() == null ? null : byName.get(r.key());
        if (s == null) {
            LOG.info("subscription removed name={}", r.key());
            return;
        }
        LOG.info("subscription in force name={}", s.name());
        for (Consumer<Subscription> l : listeners) {
            try {
                l.accept(s);
            } catch (RuntimeException e) {
                LOG.error("subscription listener failed for name={}: {}", s.name(), e.toString(), e);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }
}
