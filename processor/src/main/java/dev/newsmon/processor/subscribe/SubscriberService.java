package dev.newsmon.processor.subscribe;

import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import dev.newsmon.common.subscription.LiveSubscriptions;
import dev.newsmon.common.subscription.SubscriptionsTopic;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One instance of the subscriber app: {@link SubscriberTopology} in a {@link KafkaStreams}, and the topic of each
 * subscription created as the subscription appears (newsmon subscriptions add creates it first; this covers one
 * written to news.subscriptions by other means, so its records wait for their topic instead of failing).
 */
public final class SubscriberService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriberService.class);
    private static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final NewsmonConfig config;
    private final SubscriberStats stats = new SubscriberStats();
    private final KafkaStreams streams;
    private final CountDownLatch running = new CountDownLatch(1);
    private Admin admin;
    private LiveSubscriptions subscriptions;

    public SubscriberService(NewsmonConfig config) {
        this.config = config;
        this.streams = new KafkaStreams(SubscriberTopology.buildTopology(config, stats),
                SubscriberTopology.streamsProperties(config));
        streams.setStateListener((next, previous) -> {
            LOG.info("subscriber app state {} -> {}", previous, next);
            if (next == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("subscriber stream thread failed, replacing it: error={}", e.toString(), e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    }

    /** Creates the topics of the subscriptions there are, follows news.subscriptions for new ones, and starts. */
    public void start() {
        admin = Admin.create(config.kafkaProperties(Map.of()));
        subscriptions = LiveSubscriptions.start(config, "newsmon-subscriber-topics");
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
        return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && state() == KafkaStreams.State.RUNNING;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    public KafkaStreams streams() {
        return streams;
    }

    public SubscriberStats stats() {
        return stats;
    }

    /** Stops after the current records are committed, leaving the group; true if it stopped within the timeout. */
    public boolean close(Duration timeout) {
        boolean closed = streams.close(CloseOptions.timeout(timeout)
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        if (subscriptions != null) {
            subscriptions.close();
        }
        if (admin != null) {
            admin.close(Duration.ZERO);
        }
        if (!closed) {
            LOG.warn("subscriber app did not stop within timeout={}", timeout);
        }
        return closed;
    }

    @Override
    public void close() {
        close(DEFAULT_CLOSE_TIMEOUT);
    }
}
