package dev.newsmon.processor.subscribe;

import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.subscription.LiveSubscriptions;
import dev.newsmon.common.subscription.SubscriptionsTopic;
import dev.newsmon.processor.RunningStreams;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;

/**
 * One instance of the subscriber app: {@link SubscriberTopology} in Kafka Streams, and the topic of each
 * subscription created as the subscription appears (newsmon subscriptions add creates it first; this covers one
 * written to news.subscriptions by other means, so its records wait for their topic instead of failing).
 */
public final class SubscriberService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriberService.class);
    private static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final NewsmonConfig config;
    private final RunningStreams streams;
    private final Counter unreadableSubscriptions;
    private Admin admin;
    private LiveSubscriptions subscriptions;

    /** @param registry where the app registers its meters */
    public SubscriberService(NewsmonConfig config, MeterRegistry registry) {
        this.config = config;
        this.streams = new RunningStreams("subscriber app",
                SubscriberTopology.buildTopology(config, new SubscriberStats(registry)),
                SubscriberTopology.streamsProperties(config),
                Counter.builder("newsmon.subscribers.stream.threads.replaced")
                        .description("Stream threads that died and were replaced").register(registry));
        this.unreadableSubscriptions = Counter.builder("newsmon.subscribers.subscriptions.unreadable")
                .description("Records of news.subscriptions the subscriber app could not read (no topic is created"
                        + " for them)").register(registry);
    }

    /** Creates the topics of the subscriptions there are, follows news.subscriptions for new ones, and starts. */
    public void start() {
        admin = Admin.create(config.kafkaProperties(Map.of()));
        subscriptions = LiveSubscriptions.start(config, "newsmon-subscriber-topics", unreadableSubscriptions);
        subscriptions.onChange(s -> {
            try {
                SubscriptionsTopic.ensureAlertTopic(admin, config, s.name());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.error("cannot create {} for subscription name={}: {}", Topics.subscriptionAlerts(s.name()),
                        s.name(), e.getMessage());
            }
        });
        streams.start();
    }

    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        return streams.awaitRunning(timeout);
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** The Kafka Streams instance, for its client metrics and its stores; its life-cycle stays with this service. */
    public KafkaStreams streams() {
        return streams.streams();
    }

    /** Stops after the current records are committed, leaving the group; true if it stopped within the timeout. */
    public boolean close(Duration timeout) {
        boolean closed = streams.close(timeout);
        if (subscriptions != null) {
            subscriptions.close();
        }
        if (admin != null) {
            admin.close(Duration.ZERO);
        }
        return closed;
    }

    @Override
    public void close() {
        close(DEFAULT_CLOSE_TIMEOUT);
    }
}
