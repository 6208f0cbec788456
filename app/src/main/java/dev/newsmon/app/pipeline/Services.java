package dev.newsmon.app.pipeline;

import dev.newsmon.app.ops.AlertStats;
import dev.newsmon.app.ops.MeteredSink;
import dev.newsmon.app.ops.ServiceMetrics;
import dev.newsmon.common.Topics;
import dev.newsmon.common.config.ConfigException;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.model.FeedItem;
import dev.newsmon.common.ops.Ops;
import dev.newsmon.ingest.IngestService;
import dev.newsmon.ingest.feedlist.FeedListException;
import dev.newsmon.ingest.feedlist.FeedListReader;
import dev.newsmon.ingest.feedlist.FeedSource;
import dev.newsmon.ingest.publish.ItemPublisher;
import dev.newsmon.processor.ProcessorService;
import dev.newsmon.processor.tagging.RuleTagger;
import dev.newsmon.processor.tagging.RulesException;
import dev.newsmon.sink.AlertSink;
import dev.newsmon.sink.SinkService;
import dev.newsmon.sink.console.ConsoleSink;
import dev.newsmon.sink.jsonl.JsonlFileSink;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;

import java.io.PrintStream;
import java.time.Clock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Builds each service from a validated configuration, with its Kafka client metrics, domain metrics and
 * readiness condition registered on {@code ops}; what the CLI commands and tests share.
 */
public final class Services {
    private Services() {
    }

    public static ProcessorService processor(NewsmonConfig config, Ops ops) throws ConfigException {
        Path rules = resolveShipped(config.get(Settings.PROCESSOR_RULES));
        ProcessorService processor;
        try {
            processor = new ProcessorService(config, RuleTagger.load(rules));
        } catch (RulesException e) {
            throw new ConfigException("processor.rules.file=" + rules + ": " + e.getMessage());
        }
        ops.bind(new KafkaStreamsMetrics(processor.streams()));
        ServiceMetrics.processor(ops.registry(), processor);
        ops.readiness().add("processor", () -> processor.state() == KafkaStreams.State.RUNNING);
        return processor;
    }

    public static SinkService sink(NewsmonConfig config, PrintStream console, Ops ops) {
        List<AlertSink> sinks = new ArrayList<>();
        sinks.add(new MeteredSink(new JsonlFileSink(config.get(Settings.SINK_OUT_DIR)), ops.registry()));
        if (config.get(Settings.SINK_CONSOLE)) {
            sinks.add(new MeteredSink(new ConsoleSink(console), ops.registry()));
        }
        sinks.add(new AlertStats(ops.registry(), Clock.systemUTC()));
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(SinkService.consumerConfig(config));
        KafkaProducer<byte[], byte[]> deadLetters = new KafkaProducer<>(SinkService.deadLetterProducerConfig(config));
        ops.bind(new KafkaClientMetrics(consumer));
        ops.bind(new KafkaClientMetrics(deadLetters));
        SinkService sink = new SinkService(consumer, deadLetters, sinks);
        ServiceMetrics.sink(ops.registry(), sink);
        // KafkaConsumer is single-threaded, but its metrics may be read from any thread.
        ops.readiness().add("sink", () -> consumer.metrics().entrySet().stream()
                .filter(e -> e.getKey().group().equals("consumer-coordinator-metrics")
                        && e.getKey().name().equals("assigned-partitions"))
                .map(e -> e.getValue().metricValue())
                .anyMatch(v -> v instanceof Number n && n.doubleValue() > 0));
        return sink;
    }

    /**
     * The ingest service, its seen-set loaded from Kafka; returns once its producer has read the cluster's
     * metadata for news.items, which is when it counts as ready.
     */
    public static IngestService ingest(NewsmonConfig config, List<FeedSource> feeds, Ops ops) throws TimeoutException {
        KafkaProducer<String, FeedItem> producer = new KafkaProducer<>(ItemPublisher.producerConfig(config),
                new StringSerializer(), JsonSerde.of(FeedItem.class).serializer());
        ops.bind(new KafkaClientMetrics(producer));
        IngestService ingest = IngestService.create(config, feeds, new ItemPublisher(producer));
        ServiceMetrics.ingest(ops.registry(), ingest, feeds);
        producer.partitionsFor(Topics.ITEMS);
        ops.readiness().add("ingest", () -> true);
        return ingest;
    }

    /** The feeds of {@code ingest.feeds}. */
    public static List<FeedSource> feeds(NewsmonConfig config) throws ConfigException {
        Path list = config.optional(Settings.INGEST_FEEDS).orElseThrow(() -> new ConfigException(
                "no feed list: set ingest.feeds (NEWSMON_INGEST_FEEDS) or pass --feeds FILE"));
        try {
            return FeedListReader.read(list);
        } catch (FeedListException e) {
            throw new ConfigException("ingest.feeds=" + list + ": " + e.getMessage());
        }
    }

    /**
     * A relative path that does not exist from the working directory is looked up in newsmon's home, so the
     * shipped defaults (config/rules.yaml) are found wherever {@code ./newsmon} is run from.
     */
    static Path resolveShipped(Path path) {
        String home = System.getProperty("newsmon.home");
        if (path.isAbsolute() || Files.exists(path) || home == null) {
            return path;
        }
        return Path.of(home).resolve(path);
    }
}
