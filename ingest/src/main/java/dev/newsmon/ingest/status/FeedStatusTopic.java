package dev.newsmon.ingest.status;

import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.kafka.TopicSnapshot;
import dev.newsmon.common.model.FeedStatus;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Reads the compacted {@link Topics#FEED_STATUS} whole (one small record per feed) for the feeds asked about. A
 * read that fails or times out is logged and yields nothing: the feeds then start afresh, as before there was a
 * status to read. Records it cannot read are skipped and counted in the meter it binds.
 */
public final class FeedStatusTopic implements PublishedStatuses, MeterBinder {
    private static final Logger LOG = LoggerFactory.getLogger(FeedStatusTopic.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Supplier<Consumer<String, FeedStatus>> consumers;
    private final AtomicLong unreadable = new AtomicLong();

    FeedStatusTopic(Supplier<Consumer<String, FeedStatus>> consumers) {
        this.consumers = consumers;
    }

    public static FeedStatusTopic create(NewsmonConfig config) {
        Map<String, Object> props = new HashMap<>(config.kafka());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsmon-ingest-feed-status");
        return new FeedStatusTopic(() -> new KafkaConsumer<>(props, new StringDeserializer(),
                JsonSerde.of(FeedStatus.class).deserializer()));
    }

    @Override
    public Map<String, FeedStatus> latest(Set<String> feedUrls) {
        Map<String, FeedStatus> found = new HashMap<>();
        try (Consumer<String, FeedStatus> consumer = consumers.get()) {
            TopicSnapshot.Result read = TopicSnapshot.read(consumer, Topics.FEED_STATUS, TIMEOUT, r -> {
                if (r.key() != null && feedUrls.contains(r.key())) {
                    if (r.value() == null) {
                        found.remove(r.key());
                    } else {
                        found.put(r.key(), r.value());
                    }
                }
            });
            unreadable.addAndGet(read.unreadable());
            LOG.info("feed states read topic={} feeds={} found={} unreadable={}", Topics.FEED_STATUS,
                    feedUrls.size(), found.size(), read.unreadable());
            return found;
        } catch (TimeoutException | KafkaException e) {
            LOG.warn("feed states not read topic={} feeds={}; they start afresh: {}", Topics.FEED_STATUS,
                    feedUrls.size(), e.toString());
            return Map.of();
        }
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("newsmon.ingest.feed.status.records.unreadable", unreadable, AtomicLong::get)
                .description("Records of news.feed-status that could not be read when feeds were started or taken"
                        + " over (each feed starts afresh)").register(registry);
    }
}
