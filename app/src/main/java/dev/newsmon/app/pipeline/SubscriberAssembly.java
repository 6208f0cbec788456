package dev.newsmon.app.pipeline;

import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import dev.newsmon.common.ops.Ops;
import dev.newsmon.common.subscription.LiveSubscriptions;
import dev.newsmon.processor.subscribe.SubscriberService;
import dev.newsmon.sink.SinkService;
import dev.newsmon.sink.channel.ChannelContext;
import dev.newsmon.sink.channel.ChannelService;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.streams.KafkaStreams;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * The subscriber app and the channel service from a validated configuration, with their Kafka client metrics,
 * domain metrics and readiness registered on {@code ops}; what {@code newsmon subscribers}, the pipeline and tests
 * share.
 */
public final class SubscriberAssembly {
    private SubscriberAssembly() {
    }

    /**
     * The subscriber app and the channel service, with their metrics and readiness; started by the caller. Reads
     * news.deliveries and news.subscriptions first, so the channels start knowing what they sent and to whom.
     */
    public static Subscribers build(NewsmonConfig config, Ops ops, Map<String, String> env)
            throws InterruptedException, TimeoutException {
        Duration timeout = config.get(Settings.STARTUP_TIMEOUT);
        LiveSubscriptions live = LiveSubscriptions.start(config, "newsmon-channel-subscriptions",
                ChannelService.unreadableSubscriptions(ops.registry()));
        try {
            if (!live.awaitLoaded(timeout)) {
                throw new TimeoutException("news.subscriptions was not read within startup.timeout=" + timeout);
            }
            Set<String> delivered = ChannelService.deliveries(config, timeout);
            SubscriberService app = new SubscriberService(config, ops.registry());
            KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(ChannelService.consumerConfig(config));
            KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(SinkService.deadLetterProducerConfig(config));
            ChannelService channels = new ChannelService(consumer, producer, live::get,
                    ChannelContext.from(config, env), ChannelService.retryPolicy(config), env, delivered,
                    Clock.systemUTC(), ops.registry());
            ops.bind(new KafkaStreamsMetrics(app.streams()));
            ops.bind(new KafkaClientMetrics(consumer));
            ops.bind(new KafkaClientMetrics(producer));
            ops.readiness().add("subscribers", () -> app.state() == KafkaStreams.State.RUNNING);
            return new Subscribers(app, channels, live);
        } catch (InterruptedException | TimeoutException | RuntimeException e) {
            live.close();
            throw e;
        }
    }
}
