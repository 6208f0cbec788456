package dev.newsmon.app.pipeline;

import dev.newsmon.common.config.ConfigException;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import dev.newsmon.ingest.FeedReader;
import dev.newsmon.ingest.IngestService;
import dev.newsmon.ingest.feedlist.FeedListException;
import dev.newsmon.ingest.feedlist.FeedListReader;
import dev.newsmon.ingest.feedlist.FeedSource;
import dev.newsmon.ingest.publish.ItemPublisher;
import dev.newsmon.processor.ProcessorService;
import dev.newsmon.processor.tagging.RuleTagger;
import dev.newsmon.processor.tagging.RulesException;
import dev.newsmon.sink.AlertSink;
import dev.newsmon.sink.SinkRunner;
import dev.newsmon.sink.SinkService;
import dev.newsmon.sink.console.ConsoleSink;
import dev.newsmon.sink.http.AlertView;
import dev.newsmon.sink.http.DashboardServer;
import dev.newsmon.sink.http.ViewFeeder;
import dev.newsmon.sink.jsonl.JsonlFileSink;
import dev.newsmon.sink.postgres.PostgresSink;
import dev.newsmon.sink.webhook.TagPriorities;
import dev.newsmon.sink.webhook.WebhookSettings;
import dev.newsmon.sink.webhook.WebhookSink;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    /**
     * Every enabled sink, each with its own consumer group and loop, and the dashboard when {@code sink.http.enabled}.
     * Secrets (webhook URL and key, database password) are read from the environment variables the config names.
     */
    public static SinkRunner sink(NewsmonConfig config, PrintStream console) throws ConfigException, IOException {
        return sink(config, console, System.getenv());
    }

    /** As {@link #sink(NewsmonConfig, PrintStream)}, with the secrets read from {@code env}. */
    static SinkRunner sink(NewsmonConfig config, PrintStream console, Map<String, String> env)
            throws ConfigException, IOException {
        List<SinkService> services = new ArrayList<>();
        List<AutoCloseable> companions = new ArrayList<>();
        try {
            if (config.get(Settings.SINK_JSONL_ENABLED)) {
                services.add(service(config, new JsonlFileSink(config.get(Settings.SINK_OUT_DIR),
                        config.get(Settings.SINK_JSONL_ROTATE_DAILY)), Duration.ZERO));
            }
            if (config.get(Settings.SINK_CONSOLE)) {
                services.add(service(config, new ConsoleSink(console), Duration.ZERO));
            }
            if (config.get(Settings.SINK_WEBHOOK_ENABLED)) {
                // One producer for the poison records of the loop and the undeliverable alerts of the webhook.
                KafkaProducer<byte[], byte[]> deadLetters =
                        new KafkaProducer<>(SinkService.deadLetterProducerConfig(config));
                services.add(new SinkService(new KafkaConsumer<>(SinkService.consumerConfig(config, "webhook")),
                        deadLetters, webhook(config, env, deadLetters), config.get(Settings.SINK_WEBHOOK_FOLD_WINDOW)));
            }
            if (config.get(Settings.SINK_POSTGRES_ENABLED)) {
                try {
                    services.add(service(config, PostgresSink.create(config, env), Duration.ZERO));
                } catch (IOException e) {
                    throw new ConfigException(Settings.SINK_POSTGRES_URL.key() + "="
                            + config.get(Settings.SINK_POSTGRES_URL) + ": " + e.getMessage());
                }
            }
            String dashboardUrl = null;
            if (config.get(Settings.SINK_HTTP_ENABLED)) {
                AlertView view = new AlertView(config.get(Settings.SINK_HTTP_WINDOW), Clock.systemUTC());
                ViewFeeder feeder = new ViewFeeder(new KafkaConsumer<>(ViewFeeder.consumerConfig(config)), view,
                        Clock.systemUTC());
                Thread feederThread = new Thread(feeder, "newsmon-dashboard-feeder");
                feederThread.setDaemon(true);
                feederThread.start();
                companions.add(feeder);
                DashboardServer server = DashboardServer.start(config.get(Settings.SINK_HTTP_BIND),
                        config.get(Settings.SINK_HTTP_PORT), view, Clock.systemUTC());
                companions.add(server);
                dashboardUrl = server.url();
            }
            return new SinkRunner(services, companions, dashboardUrl);
        } catch (ConfigException | IOException | RuntimeException e) {
            new SinkRunner(services, companions, null).abandon();
            throw e;
        }
    }

    private static SinkService service(NewsmonConfig config, AlertSink sink, Duration linger) {
        return new SinkService(new KafkaConsumer<>(SinkService.consumerConfig(config, sink.name())),
                new KafkaProducer<>(SinkService.deadLetterProducerConfig(config)), sink, linger);
    }

    private static WebhookSink webhook(NewsmonConfig config, Map<String, String> env,
                                       KafkaProducer<byte[], byte[]> deadLetters) throws ConfigException {
        TagPriorities priorities = TagPriorities.none();
        // Tag priorities come from the rules file, read only when a minimum priority asks for them.
        if (config.get(Settings.SINK_WEBHOOK_MIN_PRIORITY) > 0) {
            Path rules = resolveShipped(config.get(Settings.PROCESSOR_RULES));
            try {
                priorities = TagPriorities.load(rules);
            } catch (IOException e) {
                throw new ConfigException("processor.rules.file=" + rules + " (tag priorities of the webhook): "
                        + e.getMessage());
            }
        }
        WebhookSettings settings = WebhookSettings.from(config, env, priorities);
        HttpClient http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return new WebhookSink(settings, http, deadLetters);
    }

    public static IngestService ingest(NewsmonConfig config, List<FeedSource> feeds) {
        return new IngestService(config, feeds, FeedReader.create(config), ItemPublisher.create(config));
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
