package dev.newsmon.app.pipeline;

import dev.newsmon.common.Topics;
import dev.newsmon.common.config.ConfigException;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.model.FeedItem;
import dev.newsmon.common.ops.Ops;
import dev.newsmon.ingest.IngestService;
import dev.newsmon.ingest.feedlist.FeedListException;
import dev.newsmon.ingest.feedlist.FeedListFile;
import dev.newsmon.ingest.feedlist.FeedSource;
import dev.newsmon.ingest.group.FeedGroup;
import dev.newsmon.ingest.publish.ItemPublisher;
import dev.newsmon.ingest.status.FeedStatusTopic;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * The ingest service from a validated configuration, with its Kafka client metrics, domain metrics and readiness
 * registered on {@code ops}, its feed group and its feed list; what {@code newsmon ingest}, the pipeline and tests
 * share.
 */
public final class IngestAssembly {
    private IngestAssembly() {
    }

    /**
     * The ingest service, its seen-set loaded from Kafka, polling {@code feeds}, each resumed from its last status in
     * {@code statuses} (so a restart keeps validators, backoff and due times); returns once its producer has read
     * the cluster's metadata for news.items, which is when it counts as ready.
     */
    public static IngestService build(NewsmonConfig config, List<FeedSource> feeds, FeedStatusTopic statuses,
                                       Ops ops) throws TimeoutException {
        KafkaProducer<String, FeedItem> producer = new KafkaProducer<>(ItemPublisher.producerConfig(config),
                new StringSerializer(), JsonSerde.of(FeedItem.class).serializer());
        ops.bind(new KafkaClientMetrics(producer));
        // The service owns the producer from here on, and closes it if it cannot be created.
        IngestService ingest = IngestService.create(config, new ItemPublisher(producer), ops.registry());
        try {
            ops.bind(statuses);
            ingest.startFeeds(feeds, statuses);
            producer.partitionsFor(Topics.ITEMS);
        } catch (RuntimeException e) {
            ingest.close();
            throw e;
        }
        ops.readiness().add("ingest", () -> true);
        return ingest;
    }

    /** The ingest service without a feed group (run, demo): its feeds resumed through a status reader of its own. */
    public static IngestService build(NewsmonConfig config, List<FeedSource> feeds, Ops ops) throws TimeoutException {
        return build(config, feeds, FeedStatusTopic.create(config), ops);
    }

    /**
     * Joins the ingest service to its group on news.feeds: from here on it polls the feeds of the partitions Kafka
     * assigns this instance, each resumed from its last status in {@code statuses}. Ready once the partitions of its
     * first assignment are read.
     */
    public static FeedGroup feedGroup(NewsmonConfig config, IngestService ingest, FeedStatusTopic statuses,
                                      Ops ops) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(FeedGroup.consumerConfig(config));
        ops.bind(new KafkaClientMetrics(consumer));
        FeedGroup group = FeedGroup.start(consumer, ingest, statuses, ops.registry());
        ops.readiness().add("ingest-feeds", group.assignment()::loaded);
        return group;
    }

    /** The feeds of {@code ingest.feeds}. */
    public static List<FeedSource> feeds(NewsmonConfig config) throws ConfigException {
        Path list = config.optional(Settings.INGEST_FEEDS).orElseThrow(() -> new ConfigException(
                "no feed list: set ingest.feeds (NEWSMON_INGEST_FEEDS) or pass --feeds FILE"));
        try {
            return FeedListFile.read(list);
        } catch (FeedListException e) {
            throw new ConfigException("ingest.feeds=" + list + ": " + e.getMessage());
        }
    }
}
