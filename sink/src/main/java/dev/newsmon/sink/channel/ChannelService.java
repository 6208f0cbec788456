package dev.newsmon.sink.channel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import dev.newsmon.common.json.Json;
import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.kafka.DeadLetters;
import dev.newsmon.common.kafka.TopicSnapshot;
import dev.newsmon.common.subscription.ChannelSpec;
import dev.newsmon.common.subscription.Digest;
import dev.newsmon.common.subscription.LiveSubscriptions;
import dev.newsmon.common.subscription.Subscription;
import dev.newsmon.sink.delivery.DeadLetterTopic;
import dev.newsmon.sink.delivery.Delivery;
import dev.newsmon.sink.delivery.RetryPolicy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Sends what the subscriptions get to their channels: each record of every {@code news.alerts.<name>} (alerts
 * unless the subscription is digest-only, and growth alerts) and of {@code news.digests}, through the subscription's
 * channels as it stands now (read live from news.subscriptions; a removed subscription gets nothing more).
 *
 * <p>Every channel message goes through one {@link Delivery} (retries with backoff); what it cannot deliver goes
 * to {@code news.dlq.channels}. Each message handed to a channel, or dead-lettered, is written to
 * {@code news.deliveries} before the offsets are committed, and that topic is read at start: a restart, even one
 * that lost its offsets, never hands a message to a channel twice. New subscription topics are found within a
 * second or two (the consumer's metadata refresh).
 */
public final class ChannelService implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelService.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final String MESSAGES = "newsmon.channels.messages";
    private static final String MESSAGES_HELP = "Channel messages by outcome";
    /** How soon a new news.alerts.<name> is found by the pattern subscription. */
    private static final int METADATA_MAX_AGE_MS = 1000;
    public static final Pattern TOPICS = Pattern.compile(Pattern.quote(Topics.SUBSCRIPTION_ALERTS_PREFIX) + "[a-z0-9-]+|"
            + Pattern.quote(Topics.DIGESTS));

    private final Consumer<byte[], byte[]> consumer;
    private final Producer<byte[], byte[]> producer;
    private final Function<String, Optional<Subscription>> subscriptions;
    private final ChannelContext context;
    private final RetryPolicy retry;
    private final Map<String, String> env;
    private final Set<String> delivered;
    private final Clock clock;
    private final Map<String, DeadLetterTopic> deadLetterTopics = new ConcurrentHashMap<>();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Counter sent;
    private final Counter deadLettered;
    private final Counter unreadable;

    /**
     * @param delivered the message keys already delivered, as {@link #deliveries} reads them; owned from here on
     * @param subscriptions the subscription of a name as it stands now ({@link LiveSubscriptions#get})
     * @param env           where the {@code to_env} of a channel is looked up
     * @param registry      where the service registers its meters
     */
    public ChannelService(Consumer<byte[], byte[]> consumer, Producer<byte[], byte[]> producer,
                          Function<String, Optional<Subscription>> subscriptions, ChannelContext context, RetryPolicy retry,
                          Map<String, String> env, Set<String> delivered, Clock clock, MeterRegistry registry) {
        this.consumer = consumer;
        this.producer = producer;
        this.subscriptions = subscriptions;
        this.context = context;
        this.retry = retry;
        this.env = Map.copyOf(env);
        this.delivered = new HashSet<>(delivered);
        this.clock = clock;
        this.sent = Counter.builder(MESSAGES).description(MESSAGES_HELP).tag("outcome", "sent").register(registry);
        this.deadLettered = Counter.builder(MESSAGES).description(MESSAGES_HELP).tag("outcome", "dead_lettered")
                .register(registry);
        this.unreadable = Counter.builder("newsmon.channels.records.unreadable")
                .description("Records of the subscription topics or news.digests that were not a message (sent to"
                        + " news.dlq)").register(registry);
    }

    /** The counter of the records of news.subscriptions that its {@link LiveSubscriptions} could not read. */
    public static Counter unreadableSubscriptions(MeterRegistry registry) {
        return Counter.builder("newsmon.channels.subscriptions.unreadable")
                .description("Records of news.subscriptions that could not be read (the subscription is left out)")
                .register(registry);
    }

    public static RetryPolicy retryPolicy(NewsmonConfig config) {
        return new RetryPolicy(config.get(Settings.CHANNELS_MAX_ATTEMPTS), config.get(Settings.CHANNELS_BACKOFF),
                config.get(Settings.CHANNELS_BACKOFF_MAX));
    }

    public static Map<String, Object> consumerConfig(NewsmonConfig config) {
        Map<String, Object> props = new HashMap<>(config.kafka());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.get(Settings.CHANNELS_GROUP_ID));
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, METADATA_MAX_AGE_MS);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return props;
    }

    /** The keys of news.deliveries: every message a channel service has handed to a channel. */
    public static Set<String> deliveries(NewsmonConfig config, Duration timeout)
            throws java.util.concurrent.TimeoutException {
        Set<String> keys = new HashSet<>();
        Map<String, Object> props = new HashMap<>(config.kafka());
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            TopicSnapshot.read(reader, Topics.DELIVERIES, timeout, r -> {
                if (r.key() != null) {
                    keys.add(new String(r.key(), StandardCharsets.UTF_8));
                }
            });
        }
        return keys;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(TOPICS);
            Duration backoff = Duration.ofSeconds(1);
            while (stopRequested.getCount() > 0) {
                if (handle(consumer.poll(POLL))) {
                    backoff = Duration.ofSeconds(1);
                } else if (stopRequested.await(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
                    break;
                } else {
                    backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF
                            : backoff.multipliedBy(2);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close();
            producer.close();
            stopped.countDown();
        }
    }

    /**
     * Handles a batch partition by partition and commits what was handled. On a failure (Kafka did not take a
     * dead letter or a delivery record) the rest is read again: false.
     */
    private boolean handle(ConsumerRecords<byte[], byte[]> batch) {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        boolean ok = true;
        for (TopicPartition tp : batch.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> records = batch.records(tp);
            if (!ok) {
                consumer.seek(tp, records.get(0).offset());
                continue;
            }
            for (ConsumerRecord<byte[], byte[]> r : records) {
                try {
                    handle(r);
                    done.put(tp, new OffsetAndMetadata(r.offset() + 1));
                } catch (IOException e) {
                    LOG.error("channels cannot finish topic={} partition={} offset={}: {}; it is read again",
                            r.topic(), r.partition(), r.offset(), e.toString());
                    consumer.seek(tp, r.offset());
                    ok = false;
                    break;
                }
            }
        }
        if (!done.isEmpty()) {
            consumer.commitSync(done);
        }
        return ok;
    }

    /** Sends one record's message through its subscription's channels; package-private for the channel tests. */
    void handle(ConsumerRecord<byte[], byte[]> r) throws IOException {
        ChannelMessage message;
        try {
            message = message(r);
        } catch (RuntimeException e) {
            unreadable.increment();
            LOG.warn("unreadable record topic={} partition={} offset={}: {}; sent to {}", r.topic(), r.partition(),
                    r.offset(), e.getMessage(), Topics.DLQ);
            send(DeadLetters.of("channels", r.topic(), r.partition(), r.offset(), r.key(), r.value(), e));
            return;
        }
        Optional<Subscription> subscription = subscriptions.apply(message.subscription());
        if (subscription.isEmpty()) {
            LOG.debug("subscription name={} is gone: message id={} not sent", message.subscription(), message.id());
            return;
        }
        Subscription s = subscription.get();
        if (message.kind() != ChannelMessage.Kind.DIGEST && !s.instant()) {
            return;
        }
        for (int i = 0; i < s.channels().size(); i++) {
            ChannelSpec spec = s.channels().get(i);
            String key = message.id() + "#" + i + "-" + spec.type();
            if (delivered.contains(key)) {
                continue;
            }
            Delivery.Failure failure = deliver(spec, key, message);
            if (failure == null) {
                sent.increment();
            } else {
                deadLetterTopic(spec.type()).write(key.getBytes(StandardCharsets.UTF_8),
                        Json.mapper().writeValueAsBytes(message), failure, Map.of("subscription", s.name(),
                                "topic", r.topic(), "partition", Integer.toString(r.partition()),
                                "offset", Long.toString(r.offset())));
                deadLettered.increment();
                LOG.error("channel type={} of subscription name={} gave up on message id={} after attempts={} ({});"
                                + " sent to {}", spec.type(), s.name(), message.id(), failure.attempts(),
                        failure.reason(), Topics.DLQ_CHANNELS);
            }
            send(new ProducerRecord<>(Topics.DELIVERIES, key.getBytes(StandardCharsets.UTF_8),
                    clock.instant().toString().getBytes(StandardCharsets.UTF_8)));
            delivered.add(key);
        }
    }

    private static ChannelMessage message(ConsumerRecord<byte[], byte[]> r) {
        if (r.value() == null) {
            throw new IllegalArgumentException("a record without a value");
        }
        if (r.topic().equals(Topics.DIGESTS)) {
            return ChannelMessages.digest(JsonSerde.of(Digest.class).deserializer().deserialize(r.topic(), r.value()));
        }
        JsonNode body;
        try {
            body = Json.mapper().readTree(r.value());
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        return ChannelMessages.ofSubscriptionTopic(r.topic().substring(Topics.SUBSCRIPTION_ALERTS_PREFIX.length()),
                body);
    }

    /** Null when delivered; a channel that cannot be opened fails at once, without an attempt. */
    private Delivery.Failure deliver(ChannelSpec spec, String key, ChannelMessage message) throws IOException {
        Optional<ChannelType> type = ChannelTypes.named(spec.type());
        if (type.isEmpty()) {
            return new Delivery.Failure("no channel type '" + spec.type() + "'", 0);
        }
        Optional<String> to = spec.target(env);
        if (to.isEmpty()) {
            return new Delivery.Failure("the environment variable " + spec.toEnv() + " is not set", 0);
        }
        Optional<String> problem = type.get().problem().apply(to.get());
        if (problem.isPresent()) {
            // The value may hold a token: name where it came from, not what it is.
            return new Delivery.Failure("to " + (spec.toEnv() == null ? "" : "in " + spec.toEnv() + " ")
                    + problem.get(), 0);
        }
        Channel channel = type.get().open().apply(to.get(), context);
        return new Delivery(spec.type(), retry).deliver(key, () -> channel.send(message));
    }

    private DeadLetterTopic deadLetterTopic(String type) {
        return deadLetterTopics.computeIfAbsent(type, t -> new DeadLetterTopic(Topics.DLQ_CHANNELS, t, producer));
    }

    private void send(ProducerRecord<byte[], byte[]> record) throws IOException {
        try {
            producer.send(record).get();
        } catch (ExecutionException e) {
            throw new IOException("cannot write to " + record.topic(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing to " + record.topic(), e);
        }
    }

    /** Stops after the record in hand, committing what was handled; waits up to {@code timeout}. */
    public boolean stop(Duration timeout) throws InterruptedException {
        stopRequested.countDown();
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
