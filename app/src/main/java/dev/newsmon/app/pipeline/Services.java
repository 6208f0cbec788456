package dev.newsmon.app.pipeline;

import dev.newsmon.common.config.ConfigException;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import dev.newsmon.ingest.IngestService;
import dev.newsmon.ingest.feedlist.FeedListException;
import dev.newsmon.ingest.feedlist.FeedListReader;
import dev.newsmon.ingest.feedlist.FeedSource;
import dev.newsmon.processor.ProcessorService;
import dev.newsmon.processor.tagging.RuleTagger;
import dev.newsmon.processor.tagging.RulesException;
import dev.newsmon.sink.AlertSink;
import dev.newsmon.sink.SinkService;
import dev.newsmon.sink.console.ConsoleSink;
import dev.newsmon.sink.jsonl.JsonlFileSink;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/** Builds each service from a validated configuration; what the CLI commands and tests share. */
public final class Services {
    private Services() {
    }

    public static ProcessorService processor(NewsmonConfig config) throws ConfigException {
        Path rules = resolveShipped(config.get(Settings.PROCESSOR_RULES));
        try {
            return new ProcessorService(config, RuleTagger.load(rules));
        } catch (RulesException e) {
            throw new ConfigException("processor.rules.file=" + rules + ": " + e.getMessage());
        }
    }

    public static SinkService sink(NewsmonConfig config, PrintStream console) {
        List<AlertSink> sinks = new ArrayList<>();
        sinks.add(new JsonlFileSink(config.get(Settings.SINK_OUT_DIR)));
        if (config.get(Settings.SINK_CONSOLE)) {
            sinks.add(new ConsoleSink(console));
        }
        return new SinkService(new KafkaConsumer<>(SinkService.consumerConfig(config)),
                new KafkaProducer<>(SinkService.deadLetterProducerConfig(config)), sinks);
    }

    public static IngestService ingest(NewsmonConfig config, List<FeedSource> feeds) throws TimeoutException {
        return IngestService.create(config, feeds);
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
