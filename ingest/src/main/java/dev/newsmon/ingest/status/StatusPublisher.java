package dev.newsmon.ingest.status;

import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.model.FeedStatus;
import dev.newsmon.ingest.publish.ItemPublisher;
import dev.newsmon.ingest.schedule.FeedState;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Publishes each feed's health after every poll to the compacted topic {@link Topics#FEED_STATUS}. Thread-safe. */
public final class StatusPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StatusPublisher.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final Producer<String, FeedStatus> producer;
    private final AtomicLong failures = new AtomicLong();

    public StatusPublisher(Producer<String, FeedStatus> producer) {
        this.producer = producer;
    }

    public static StatusPublisher create(NewsmonConfig config) {
        Map<String, Object> props = ItemPublisher.producerConfig(config);
        props.put("client.id", "newsmon-ingest-status");
        return new StatusPublisher(new KafkaProducer<>(props, new StringSerializer(),
                JsonSerde.of(FeedStatus.class).serializer()));
    }

    /** The status message of a feed's state after a poll that produced {@code produced} items. */
    public static FeedStatus status(FeedState s, int produced) {
        return new FeedStatus(FeedStatus.SCHEMA_VERSION, s.key(), s.fetchUrl(), s.source().name(), s.lastAttempt(),
                s.lastSuccess(), s.lastStatus(), s.consecutiveErrors(), s.disabled() ? null : s.nextPoll(),
                s.lastError(), s.itemsSeen(), produced, s.disabled(), s.validators().etag(),
                s.validators().lastModified(), s.recovered());
    }

    public void publish(FeedState state, int produced) {
        FeedStatus status = status(state, produced);
        try {
            producer.send(new ProducerRecord<>(Topics.FEED_STATUS, status.feedUrl(), status), (m, error) -> {
                if (error != null) {
                    failed(status, error);
                }
            });
        } catch (RuntimeException e) {
            // Health reporting must never fail the poll it reports on.
            failed(status, e);
        }
    }

    /** A tombstone for a feed's status: the feed is gone from the feed list. */
    public void withdraw(String feedUrl) {
        try {
            producer.send(new ProducerRecord<>(Topics.FEED_STATUS, feedUrl, null), (m, error) -> {
                if (error != null) {
                    failed(feedUrl, error);
                }
            });
        } catch (RuntimeException e) {
            failed(feedUrl, e);
        }
    }

    private void failed(FeedStatus status, Exception error) {
        failed(status.feedUrl(), error);
    }

    private void failed(String feedUrl, Exception error) {
        failures.incrementAndGet();
        LOG.warn("feed status not published topic={} feed_url={}: {}", Topics.FEED_STATUS, feedUrl,
                error.toString());
    }

    public long failures() {
        return failures.get();
    }

    @Override
    public void close() {
        producer.close(CLOSE_TIMEOUT);
    }
}
