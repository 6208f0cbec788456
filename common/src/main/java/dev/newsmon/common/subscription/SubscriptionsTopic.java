package dev.newsmon.common.subscription;

import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.kafka.TopicAdmin;
import dev.newsmon.common.kafka.TopicSnapshot;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
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
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The subscriptions in the compacted topic {@link Topics#SUBSCRIPTIONS}: key = name, value = {@link Subscription}
 * as JSON, a tombstone removes it. The latest record of a name decides; one that cannot be read leaves the
 * subscription out, as a tombstone would, so every reader agrees.
 */
public final class SubscriptionsTopic implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionsTopic.class);
    public static final JsonSerde<Subscription> SERDE = JsonSerde.of(Subscription.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final Producer<String, byte[]> producer;

    public SubscriptionsTopic(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    /** A writer with an idempotent, acks=all producer. */
    public static SubscriptionsTopic create(NewsmonConfig config) {
        Map<String, Object> props = new HashMap<>(config.kafka());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "newsmon-subscriptions");
        return new SubscriptionsTopic(new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer()));
    }

    /** Adds the subscriptions or replaces those of the same names; returns once Kafka has them all. */
    public void put(Collection<Subscription> subscriptions)
            throws ExecutionException, InterruptedException, TimeoutException {
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        for (Subscription s : subscriptions) {
            sends.add(producer.send(new ProducerRecord<>(Topics.SUBSCRIPTIONS, s.name(),
                    SERDE.serializer().serialize(Topics.SUBSCRIPTIONS, s))));
        }
        for (Future<RecordMetadata> send : sends) {
            send.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Removes a subscription (a tombstone for its name); returns once Kafka has it. */
    public void remove(String name) throws ExecutionException, InterruptedException, TimeoutException {
        producer.send(new ProducerRecord<>(Topics.SUBSCRIPTIONS, name, null))
                .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Applies one record of the topic to subscriptions by name: a subscription adds or replaces, a tombstone or a
     * record that cannot be read (logged with its partition and offset) removes.
     *
     * @return false when the record could not be read
     */
    public static boolean apply(ConsumerRecord<String, byte[]> record, Map<String, Subscription> byName) {
        if (record.key() == null) {
            LOG.warn("subscription record without a key skipped: topic={} partition={} offset={}", record.topic(),
                    record.partition(), record.offset());
            return false;
        }
        if (record.value() == null) {
            byName.remove(record.key());
            return true;
        }
        try {
            Subscription s = SERDE.deserializer().deserialize(record.topic(), record.value());
            if (!record.key().equals(s.name())) {
                throw new SerializationException("key " + record.key() + " holds the subscription " + s.name());
            }
            byName.put(s.name(), s);
            return true;
        } catch (SerializationException e) {
            LOG.warn("subscription unreadable, left out: topic={} partition={} offset={} key={}: {}", record.topic(),
                    record.partition(), record.offset(), record.key(), e.getMessage());
            byName.remove(record.key());
            return false;
        }
    }

    /** The subscriptions as they stand: the whole topic read once, by name. */
    public static SortedMap<String, Subscription> read(NewsmonConfig config, Duration timeout) throws TimeoutException {
        SortedMap<String, Subscription> out = new TreeMap<>();
        try (Consumer<String, byte[]> consumer = new KafkaConsumer<>(readerConfig(config), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            TopicSnapshot.read(consumer, Topics.SUBSCRIPTIONS, timeout, r -> apply(r, out));
        }
        return out;
    }

    /** Creates {@code news.alerts.<name>} if it is absent, with {@code subscribers.topic.retention}. */
    public static void ensureAlertTopic(Admin admin, NewsmonConfig config, String name) throws InterruptedException {
        String topic = Topics.subscriptionAlerts(name);
        TopicAdmin.ensureTopics(admin, List.of(topic),
                Map.of(topic, Topics.subscriptionAlertsConfig(config.get(Settings.SUBSCRIBERS_TOPIC_RETENTION))),
                config.get(Settings.TOPIC_PARTITIONS), config.get(Settings.TOPIC_REPLICATION).shortValue());
    }

    /** A consumer without a group that commits nothing: readers of this topic always read all of it. */
    public static Map<String, Object> readerConfig(NewsmonConfig config) {
        Map<String, Object> props = new HashMap<>(config.kafka());
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return props;
    }

    @Override
    public void close() {
        producer.close(SEND_TIMEOUT);
    }
}
