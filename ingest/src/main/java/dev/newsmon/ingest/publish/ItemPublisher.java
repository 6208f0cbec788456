package dev.newsmon.ingest.publish;

import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.model.FeedItem;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Produces feed items to {@link Topics#ITEMS}, keyed by item id so every version of an item lands in one
 * partition. Thread-safe. A send that fails after retries is logged with its item id and counted; the next poll
 * of the feed produces the item again.
 */
public final class ItemPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ItemPublisher.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final Producer<String, FeedItem> producer;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    public ItemPublisher(Producer<String, FeedItem> producer) {
        this.producer = Objects.requireNonNull(producer, "producer");
    }

    /** A publisher with a KafkaProducer configured by {@link #producerConfig(NewsmonConfig)}. */
    public static ItemPublisher create(NewsmonConfig config) {
        return new ItemPublisher(new KafkaProducer<>(producerConfig(config), new StringSerializer(),
                JsonSerde.of(FeedItem.class).serializer()));
    }

    /**
     * The producer configuration: the {@code kafka.*} pass-through, then idempotence and acks=all on top, since
     * a weaker setting would lose or duplicate items. Serializers are passed as instances, see {@link #create}.
     */
    public static Map<String, Object> producerConfig(NewsmonConfig config) {
        Map<String, Object> props = new HashMap<>(config.kafka());
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "newsmon-ingest");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return props;
    }

    /**
     * Sends asynchronously; {@code acknowledged} is called once Kafka has the item (with null) or the send has
     * failed (with the error), on the producer's I/O thread, so it must be quick. A send refused at once (a closed
     * producer) throws instead and never calls it.
     */
    public void publish(FeedItem item, Consumer<Exception> acknowledged) {
        producer.send(new ProducerRecord<>(Topics.ITEMS, item.itemId(), item), (metadata, error) -> {
            if (error == null) {
                sent.incrementAndGet();
            } else {
                failures.incrementAndGet();
                LOG.warn("publish failed topic={} item_id={} feed_url={}: {}", Topics.ITEMS, item.itemId(),
                        item.feedUrl(), error.toString());
            }
            acknowledged.accept(error);
        });
    }

    /** Blocks until every item published so far is acknowledged or has failed. */
    public void flush() {
        producer.flush();
    }

    /** Items acknowledged by the broker since start. */
    public long sent() {
        return sent.get();
    }

    /** Items whose send failed since start. */
    public long failures() {
        return failures.get();
    }

    /** Flushes what is pending (bounded wait) and closes the producer. */
    @Override
    public void close() {
        producer.close(CLOSE_TIMEOUT);
    }
}
