package dev.newsmon.sink.http;

import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.model.Alert;
import dev.newsmon.common.model.FeedStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills an {@link AlertView} from {@code news.alerts} (from one window back) and {@code news.feed-status} (from
 * the beginning: the latest status of each feed wins). It reads without a consumer group and commits nothing:
 * the view is rebuilt from the topics at each start, so it never holds up or skips anything for the sinks.
 */
public final class ViewFeeder implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ViewFeeder.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(15);

    private final Consumer<byte[], byte[]> consumer;
    private final AlertView view;
    private final Clock clock;
    private final Deserializer<Alert> alerts = JsonSerde.of(Alert.class).deserializer();
    private final Deserializer<FeedStatus> statuses = JsonSerde.of(FeedStatus.class).deserializer();
    private final Counter unreadable;
    private volatile boolean running = true;

    /** @param registry where the records it could not read are counted */
    public ViewFeeder(Consumer<byte[], byte[]> consumer, AlertView view, Clock clock, MeterRegistry registry) {
        this.consumer = consumer;
        this.view = view;
        this.clock = clock;
        this.unreadable = Counter.builder("newsmon.sink.dashboard.records.unreadable")
                .description("Records of news.alerts or news.feed-status the dashboard could not read (each skipped)")
                .register(registry);
    }

    public static Map<String, Object> consumerConfig(NewsmonConfig config) {
        Map<String, Object> props = new HashMap<>(config.kafka());
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return props;
    }

    @Override
    public void run() {
        try {
            assign();
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                    handle(r);
                }
            }
        } catch (WakeupException e) {
            LOG.debug("view feeder woken up to stop");
        } finally {
            consumer.close();
        }
    }

    private void assign() {
        List<TopicPartition> alertPartitions = partitions(Topics.ALERTS);
        List<TopicPartition> statusPartitions = partitions(Topics.FEED_STATUS);
        List<TopicPartition> all = new ArrayList<>(alertPartitions);
        all.addAll(statusPartitions);
        consumer.assign(all);
        consumer.seekToBeginning(statusPartitions);
        long since = clock.instant().minus(view.window()).toEpochMilli();
        Map<TopicPartition, Long> query = new HashMap<>();
        alertPartitions.forEach(tp -> query.put(tp, since));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, METADATA_TIMEOUT);
        List<TopicPartition> nothingRecent = new ArrayList<>();
        for (TopicPartition tp : alertPartitions) {
            OffsetAndTimestamp at = found.get(tp);
            if (at == null) {
                nothingRecent.add(tp);
            } else {
                consumer.seek(tp, at.offset());
            }
        }
        // Never with an empty list: Kafka reads that as every assigned partition, the feed statuses included.
        if (!nothingRecent.isEmpty()) {
            consumer.seekToEnd(nothingRecent);
        }
    }

    private List<TopicPartition> partitions(String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, METADATA_TIMEOUT);
        if (infos == null || infos.isEmpty()) {
            LOG.warn("topic={} does not exist (yet); the dashboard shows nothing from it until a restart", topic);
            return List.of();
        }
        return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    private void handle(ConsumerRecord<byte[], byte[]> r) {
        try {
            if (r.topic().equals(Topics.ALERTS)) {
                view.add(alerts.deserialize(r.topic(), r.headers(), r.value()));
            } else if (r.value() != null) {
                FeedStatus status = statuses.deserialize(r.topic(), r.headers(), r.value());
                String feed = r.key() == null ? status.feedUrl() : new String(r.key(), StandardCharsets.UTF_8);
                view.feedStatus(feed, status);
            } else if (r.key() != null) {
                // Ingest withdraws the status of a feed deleted from the feed list.
                view.feedRemoved(new String(r.key(), StandardCharsets.UTF_8));
            }
        } catch (SerializationException e) {
            unreadable.increment();
            LOG.warn("dashboard skips an unreadable record topic={} partition={} offset={}: {}", r.topic(),
                    r.partition(), r.offset(), e.getMessage());
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }
}
