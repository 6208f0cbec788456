package dev.newsmon.ingest.feedlist;

import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.kafka.TopicSnapshot;
import dev.newsmon.ingest.publish.ItemPublisher;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The feed list of the ingest service in the compacted topic {@link Topics#FEEDS}: key = the feed's URL, value =
 * its {@link FeedSource} as JSON, a tombstone removes it. The latest record of a key is the feed's definition; one
 * that cannot be read leaves the feed out as a tombstone would, so every reader agrees whatever compaction has
 * already dropped.
 */
public final class FeedsTopic implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FeedsTopic.class);
    private static final JsonSerde<FeedSource> SERDE = JsonSerde.of(FeedSource.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final Producer<String, byte[]> producer;

    public FeedsTopic(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    /** A writer with an idempotent, acks=all producer. */
    public static FeedsTopic create(NewsmonConfig config) {
        Map<String, Object> props = ItemPublisher.producerConfig(config);
        props.put("client.id", "newsmon-feeds");
        return new FeedsTopic(new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer()));
    }

    /** Adds the feeds, or replaces the definitions of those listed already; returns once Kafka has them all. */
    public void put(Collection<FeedSource> feeds) throws ExecutionException, InterruptedException, TimeoutException {
        List<Future<RecordMetadata>> sends = new ArrayList<>(feeds.size());
        for (FeedSource feed : feeds) {
            sends.add(producer.send(new ProducerRecord<>(Topics.FEEDS, feed.url(),
                    SERDE.serializer().serialize(Topics.FEEDS, feed))));
        }
        for (Future<RecordMetadata> send : sends) {
            send.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Removes a feed (a tombstone for its URL); returns once Kafka has it. */
    public void remove(String url) throws ExecutionException, InterruptedException, TimeoutException {
        tombstone(Topics.FEEDS, url);
    }

    /**
     * Withdraws a feed's health from {@link Topics#FEED_STATUS} (a tombstone for its URL, the key its statuses are
     * written under); returns once Kafka has it.
     */
    public void withdrawStatus(String url) throws ExecutionException, InterruptedException, TimeoutException {
        tombstone(Topics.FEED_STATUS, url);
    }

    private void tombstone(String topic, String url)
            throws ExecutionException, InterruptedException, TimeoutException {
        producer.send(new ProducerRecord<>(topic, url, null)).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Applies one record of the topic to a feed list by URL: a definition adds or replaces its feed, a tombstone
     * removes it, and so does a record that cannot be read (logged), since the latest record of a key decides.
     *
     * @return false when the record could not be read
     */
    public static boolean apply(ConsumerRecord<String, byte[]> record, Map<String, FeedSource> feeds) {
        try {
            decode(record).ifPresentOrElse(f -> feeds.put(f.url(), f), () -> feeds.remove(record.key()));
            return true;
        } catch (FeedListException e) {
            LOG.warn("feed record unreadable, its feed left out: {}", e.getMessage());
            if (record.key() != null) {
                feeds.remove(record.key());
            }
            return false;
        }
    }

    /** The feed list as it stands: the whole topic read once, by URL. */
    public static SortedMap<String, FeedSource> read(NewsmonConfig config, Duration timeout) throws TimeoutException {
        Map<String, Object> props = new HashMap<>(config.kafka());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        SortedMap<String, FeedSource> feeds = new TreeMap<>();
        try (Consumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            TopicSnapshot.read(consumer, Topics.FEEDS, timeout, r -> apply(r, feeds));
        }
        return feeds;
    }

    /** The feed's definition, or empty when the record removes the feed (a tombstone). */
    private static Optional<FeedSource> decode(ConsumerRecord<String, byte[]> record) throws FeedListException {
        String where = Topics.FEEDS + " partition " + record.partition() + " offset " + record.offset();
        if (record.key() == null) {
            throw new FeedListException(where + ": a record without a key (the feed URL)");
        }
        if (record.value() == null) {
            return Optional.empty();
        }
        FeedSource feed;
        try {
            feed = SERDE.deserializer().deserialize(Topics.FEEDS, record.value());
        } catch (SerializationException e) {
            throw new FeedListException(where + " key " + record.key() + ": " + e.getMessage(), e);
        }
        if (!feed.url().equals(record.key())) {
            throw new FeedListException(where + ": key " + record.key() + " holds the feed of another URL, "
                    + feed.url());
        }
        return Optional.of(feed);
    }

    @Override
    public void close() {
        producer.close(SEND_TIMEOUT);
    }
}
