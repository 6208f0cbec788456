package dev.newsmon.ingest.seen;

import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.kafka.TopicSnapshot;
import dev.newsmon.ingest.publish.ItemPublisher;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/** The seen-set in the compacted topic {@link Topics#INGEST_SEEN}, keyed by item id. */
public final class KafkaSeenStore implements SeenStore, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaSeenStore.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final Producer<String, SeenRecord> producer;

    public KafkaSeenStore(Producer<String, SeenRecord> producer) {
        this.producer = producer;
    }

    public static KafkaSeenStore create(NewsmonConfig config) {
        Map<String, Object> props = ItemPublisher.producerConfig(config);
        props.put("client.id", "newsmon-ingest-seen");
        return new KafkaSeenStore(new KafkaProducer<>(props, new StringSerializer(),
                JsonSerde.of(SeenRecord.class).serializer()));
    }

    @Override
    public void save(String itemId, SeenRecord record) {
        producer.send(new ProducerRecord<>(Topics.INGEST_SEEN, itemId, record), (m, error) -> {
            if (error != null) {
                // The item itself is in news.items; losing this record only means it may be produced once more
                // after a restart, which the processor's re-delivery filter absorbs.
                LOG.warn("seen record not saved topic={} item_id={}: {}", Topics.INGEST_SEEN, itemId,
                        error.toString());
            }
        });
    }

    /** Reads the whole topic into {@code seen}, up to the end offsets found at the start. */
    public static int load(NewsmonConfig config, SeenItems seen, Duration timeout)
            throws TimeoutException {
        Map<String, Object> props = new HashMap<>(config.kafka());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (Consumer<String, SeenRecord> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                JsonSerde.of(SeenRecord.class).deserializer())) {
            return load(consumer, seen, timeout);
        }
    }

    static int load(Consumer<String, SeenRecord> consumer, SeenItems seen, Duration timeout)
            throws TimeoutException {
        AtomicInteger restored = new AtomicInteger();
        TopicSnapshot.Result read = TopicSnapshot.read(consumer, Topics.INGEST_SEEN, timeout, r -> {
            if (r.key() != null && r.value() != null) {
                seen.restore(r.key(), r.value());
                restored.incrementAndGet();
            }
        });
        seen.restoreFailed(read.unreadable());
        LOG.info("seen-set loaded topic={} records={} unreadable={}", Topics.INGEST_SEEN, restored.get(),
                read.unreadable());
        return restored.get();
    }

    @Override
    public void close() {
        producer.close(CLOSE_TIMEOUT);
    }
}
