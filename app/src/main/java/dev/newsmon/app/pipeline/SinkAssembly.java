package dev.newsmon.app.pipeline;

import dev.newsmon.common.config.ConfigException;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import dev.newsmon.common.ops.Ops;
import dev.newsmon.sink.AlertSink;
import dev.newsmon.sink.SinkRunner;
import dev.newsmon.sink.SinkService;
import dev.newsmon.sink.console.ConsoleSink;
import dev.newsmon.sink.http.AlertView;
import dev.newsmon.sink.http.DashboardServer;
import dev.newsmon.sink.http.StoryArchive;
import dev.newsmon.sink.http.ViewFeeder;
import dev.newsmon.sink.jsonl.JsonlFileSink;
import dev.newsmon.sink.postgres.PostgresSink;
import dev.newsmon.sink.postgres.PostgresStoryArchive;
import dev.newsmon.sink.webhook.TagPriorities;
import dev.newsmon.sink.webhook.WebhookSettings;
import dev.newsmon.sink.webhook.WebhookSink;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The sinks from a validated configuration, each with its Kafka client metrics, counters and readiness registered on
 * {@code ops}, and the dashboard; what {@code newsmon sink}, the pipeline and tests share.
 */
public final class SinkAssembly {
    private SinkAssembly() {
    }

    /**
     * Every enabled sink, each with its own consumer group and loop, and the dashboard when {@code sink.http.enabled}.
     * Secrets (webhook URL and key, database password) are read from the environment variables the config names.
     */
    public static SinkRunner build(NewsmonConfig config, PrintStream console, Ops ops)
            throws ConfigException, IOException {
        return build(config, console, ops, System.getenv());
    }

    /** As {@link #build(NewsmonConfig, PrintStream, Ops)}, with the secrets read from {@code env}. */
    static SinkRunner build(NewsmonConfig config, PrintStream console, Ops ops, Map<String, String> env)
            throws ConfigException, IOException {
        Started started = new Started();
        List<SinkService> services = new ArrayList<>();
        List<AutoCloseable> companions = new ArrayList<>();
        try {
            if (config.get(Settings.SINK_JSONL_ENABLED)) {
                services.add(service(config, ops, started, new JsonlFileSink(config.get(Settings.SINK_OUT_DIR),
                        config.get(Settings.SINK_JSONL_ROTATE_DAILY)), Duration.ZERO));
            }
            if (config.get(Settings.SINK_CONSOLE)) {
                services.add(service(config, ops, started, new ConsoleSink(console), Duration.ZERO));
            }
            if (config.get(Settings.SINK_WEBHOOK_ENABLED)) {
                // Checked before the producer exists: a webhook set up wrong must not leave it running.
                WebhookSettings webhook = webhookSettings(config, env);
                // One producer for the poison records of the loop and the undeliverable alerts of the webhook.
                KafkaProducer<byte[], byte[]> deadLetters = deadLetters(config, started);
                services.add(service(config, ops, started, deadLetters,
                        started.add(webhook(webhook, deadLetters)), config.get(Settings.SINK_WEBHOOK_FOLD_WINDOW)));
            }
            if (config.get(Settings.SINK_POSTGRES_ENABLED)) {
                try {
                    services.add(service(config, ops, started, PostgresSink.create(config, env), Duration.ZERO));
                } catch (IOException e) {
                    throw new ConfigException(Settings.SINK_POSTGRES_URL.key() + "="
                            + config.get(Settings.SINK_POSTGRES_URL) + ": " + e.getMessage());
                }
            }
            String dashboardUrl = null;
            if (config.get(Settings.SINK_HTTP_ENABLED)) {
                AlertView view = new AlertView(config.get(Settings.SINK_HTTP_WINDOW), Clock.systemUTC());
                KafkaConsumer<byte[], byte[]> feed = new KafkaConsumer<>(ViewFeeder.consumerConfig(config));
                started.onFailure(() -> feed.close(CloseOptions.timeout(Duration.ZERO)));
                ViewFeeder feeder = new ViewFeeder(feed, view, Clock.systemUTC(), ops.registry());
                Thread feederThread = new Thread(feeder, "newsmon-dashboard-feeder");
                feederThread.setDaemon(true);
                feederThread.start();
                // The feeder's thread closes the consumer from now on: a KafkaConsumer takes one thread only.
                started.handOver(feeder);
                companions.add(feeder);
                // Search reads what the PostgreSQL sink keeps; without it the dashboard says how to turn it on.
                StoryArchive archive = null;
                if (config.get(Settings.SINK_POSTGRES_ENABLED)) {
                    archive = PostgresStoryArchive.create(config, env);
                }
                DashboardServer server = DashboardServer.start(config.get(Settings.SINK_HTTP_BIND),
                        config.get(Settings.SINK_HTTP_PORT), view, archive, Clock.systemUTC());
                companions.add(server);
                dashboardUrl = server.url();
            }
            return new SinkRunner(services, companions, dashboardUrl);
        } catch (ConfigException | IOException | RuntimeException e) {
            started.closeAfter(e);
            throw e;
        }
    }

    /** One sink's loop with a dead-letter producer of its own. */
    private static SinkService service(NewsmonConfig config, Ops ops, Started started, AlertSink sink,
                                       Duration linger) {
        started.add(sink);
        return service(config, ops, started, deadLetters(config, started), sink, linger);
    }

    /** One sink's loop in its own group, with its client metrics, counters and readiness registered on ops. */
    private static SinkService service(NewsmonConfig config, Ops ops, Started started,
                                       KafkaProducer<byte[], byte[]> deadLetters, AlertSink sink, Duration linger) {
        KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(SinkService.consumerConfig(config, sink.name()));
        started.onFailure(() -> consumer.close(CloseOptions.timeout(Duration.ZERO)));
        ops.bind(new KafkaClientMetrics(consumer));
        ops.bind(new KafkaClientMetrics(deadLetters));
        SinkService service = new SinkService(consumer, deadLetters, sink, linger, ops.registry());
        // KafkaConsumer is single-threaded, but its metrics may be read from any thread.
        ops.readiness().add("sink-" + sink.name(), () -> consumer.metrics().entrySet().stream()
                .filter(e -> e.getKey().group().equals("consumer-coordinator-metrics")
                        && e.getKey().name().equals("assigned-partitions"))
                .map(e -> e.getValue().metricValue())
                .anyMatch(v -> v instanceof Number n && n.doubleValue() > 0));
        return service;
    }

    private static KafkaProducer<byte[], byte[]> deadLetters(NewsmonConfig config, Started started) {
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(SinkService.deadLetterProducerConfig(config));
        started.onFailure(() -> producer.close(Duration.ZERO));
        return producer;
    }

    private static WebhookSettings webhookSettings(NewsmonConfig config, Map<String, String> env)
            throws ConfigException {
        TagPriorities priorities = TagPriorities.none();
        // Tag priorities come from the rules file, read only when a minimum priority asks for them.
        if (config.get(Settings.SINK_WEBHOOK_MIN_PRIORITY) > 0) {
            Path rules = ShippedFiles.resolve(config.get(Settings.PROCESSOR_RULES));
            try {
                priorities = TagPriorities.load(rules);
            } catch (IOException e) {
                throw new ConfigException("processor.rules.file=" + rules + " (tag priorities of the webhook): "
                        + e.getMessage());
            }
        }
        return WebhookSettings.from(config, env, priorities);
    }

    private static WebhookSink webhook(WebhookSettings settings, KafkaProducer<byte[], byte[]> deadLetters) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return new WebhookSink(settings, http, deadLetters);
    }

    /**
     * What a build has started so far, for a build that fails part-way to close, newest first: otherwise its
     * threads, sockets and files outlive the failed start-up. Its Kafka clients are closed without waiting, as none
     * has sent or committed anything.
     */
    private static final class Started {
        private final Deque<AutoCloseable> newestFirst = new ArrayDeque<>();

        <T extends AutoCloseable> T add(T resource) {
            onFailure(resource);
            return resource;
        }

        void onFailure(AutoCloseable close) {
            newestFirst.push(close);
        }

        /** Lets {@code owner} close what was added last, in place of closing it directly. */
        void handOver(AutoCloseable owner) {
            newestFirst.pop();
            newestFirst.push(owner);
        }

        /** Closes everything started; a close that fails is added to {@code failure}, and the rest still close. */
        void closeAfter(Exception failure) {
            for (AutoCloseable resource : newestFirst) {
                try {
                    resource.close();
                } catch (Exception e) {
                    failure.addSuppressed(e);
                }
            }
        }
    }
}
