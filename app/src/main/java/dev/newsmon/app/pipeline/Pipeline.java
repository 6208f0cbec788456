package dev.newsmon.app.pipeline;

import dev.newsmon.common.Topics;
import dev.newsmon.common.config.ConfigException;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import dev.newsmon.common.ops.Ops;
import dev.newsmon.ingest.IngestService;
import dev.newsmon.ingest.PollSummary;
import dev.newsmon.ingest.feedlist.FeedSource;
import dev.newsmon.processor.ProcessorNames;
import dev.newsmon.processor.ProcessorService;
import dev.newsmon.sink.SinkRunner;
import dev.newsmon.sink.SinkService;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The services in one JVM, against one cluster: what {@code demo} and {@code run} start. Each service is built by
 * the same assembly as when it runs alone ({@link ProcessorAssembly}, {@link SubscriberAssembly},
 * {@link SinkAssembly}, {@link IngestAssembly}); only their order and lifetime in one process are here.
 */
public final class Pipeline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    private final Ops ops;
    private final Cluster cluster;
    private final ProcessorService processor;
    private final SinkRunner sink;
    private final Thread sinkThread;
    private final IngestService ingest;
    private final Subscribers subscribers;

    private Pipeline(Ops ops, Cluster cluster, ProcessorService processor, SinkRunner sink, Thread sinkThread,
                     IngestService ingest, Subscribers subscribers) {
        this.ops = ops;
        this.cluster = cluster;
        this.processor = processor;
        this.sink = sink;
        this.sinkThread = sinkThread;
        this.ingest = ingest;
        this.subscribers = subscribers;
    }

    /**
     * Starts the ops endpoints (service "pipeline"), the cluster, then processor, subscribers (unless
     * {@code subscribers.enabled} is false), sink and ingest.
     */
    public static Pipeline start(NewsmonConfig config, List<FeedSource> feeds, PrintStream console)
            throws ConfigException, IOException, InterruptedException, TimeoutException {
        Ops ops = Ops.start(config, "pipeline");
        Cluster cluster;
        try {
            cluster = Cluster.open(config);
        } catch (ConfigException | IOException | InterruptedException | TimeoutException | RuntimeException e) {
            ops.close();
            throw e;
        }
        NewsmonConfig effective = cluster.config();
        ProcessorService processor = null;
        Subscribers subscribers = null;
        SinkRunner sink = null;
        try {
            processor = ProcessorAssembly.build(effective, ops);
            processor.start();
            if (effective.get(Settings.SUBSCRIBERS_ENABLED)) {
                subscribers = SubscriberAssembly.build(effective, ops, System.getenv());
                subscribers.start();
            }
            sink = SinkAssembly.build(effective, console, ops);
            // Built before the sinks run, so that a failure here leaves no sink thread behind to stop.
            IngestService ingest = IngestAssembly.build(effective, feeds, ops);
            Thread sinkThread = new Thread(sink, "newsmon-sinks");
            sinkThread.start();
            return new Pipeline(ops, cluster, processor, sink, sinkThread, ingest, subscribers);
        } catch (ConfigException | IOException | TimeoutException | RuntimeException e) {
            if (sink != null) {
                sink.abandon();
            }
            if (subscribers != null) {
                subscribers.close(effective.get(Settings.SHUTDOWN_TIMEOUT));
            }
            if (processor != null) {
                processor.close(effective.get(Settings.SHUTDOWN_TIMEOUT));
            }
            cluster.close();
            ops.close();
            throw e;
        }
    }

    public Ops ops() {
        return ops;
    }

    public Cluster cluster() {
        return cluster;
    }

    /** Where the dashboard is served, when {@code sink.http.enabled}. */
    public Optional<String> dashboardUrl() {
        return sink.dashboardUrl();
    }

    public PollSummary pollOnce() {
        return ingest.pollOnce();
    }

    /** Polls every feed on its interval until {@link #close()}. */
    public void runIngest() {
        ingest.runForever();
    }

    /** Returns once every item produced so far has passed the processor and every alert the sink. */
    public void awaitQuiet(Duration timeout) throws InterruptedException, TimeoutException {
        awaitQuiet(cluster.config(), sink.sinkNames(), timeout);
    }

    /**
     * Returns once the processor group of {@code config} has handled every item produced so far (and read back every
     * alert, which is where it counts them) and the groups of the named sinks every alert, wherever those services
     * run (this JVM or others).
     */
    public static void awaitQuiet(NewsmonConfig config, Collection<String> sinkNames, Duration timeout)
            throws InterruptedException, TimeoutException {
        String appId = config.get(Settings.PROCESSOR_APP_ID);
        String resolve = ProcessorNames.resolveTopic(config);
        Function<Collection<String>, Collection<String>> processorInputs = all -> all.stream()
                .filter(t -> t.equals(Topics.ITEMS) || t.equals(Topics.ALERTS) || t.equals(resolve)
                        || (t.startsWith(appId + "-") && t.endsWith("-repartition")))
                .toList();
        Function<Collection<String>, Collection<String>> sinkInputs = all -> List.of(Topics.ALERTS);
        Map<String, Function<Collection<String>, Collection<String>>> groups = new HashMap<>();
        groups.put(appId, processorInputs);
        sinkNames.forEach(name -> groups.put(SinkService.groupId(config, name), sinkInputs));
        awaitDrained(config, groups, timeout);
    }

    /**
     * Returns once each consumer group has committed offsets at the end of its input topics.
     *
     * @param groups per group id, a function from all topic names to that group's input topics
     */
    public static void awaitDrained(NewsmonConfig config,
                                    Map<String, Function<Collection<String>, Collection<String>>> groups,
                                    Duration timeout) throws InterruptedException, TimeoutException {
        try (Admin admin = Cluster.admin(config);
             KafkaConsumer<byte[], byte[]> probe = new KafkaConsumer<>(config.kafkaProperties(Map.of(
                     ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                     // Short long-polls, so a probe read at the log end returns quickly.
                     ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50,
                     ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                     ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class)))) {
            new Quiescence(admin, probe).await(groups, timeout);
        }
    }

    /**
     * Stops ingest, then the sink (committing what it wrote), then the subscribers, then the processor, then an
     * embedded broker, all within {@code shutdown.timeout}.
     */
    @Override
    public void close() throws InterruptedException {
        Instant deadline = Instant.now().plus(cluster.config().get(Settings.SHUTDOWN_TIMEOUT));
        ingest.close();
        if (!sink.stop(remaining(deadline))) {
            LOG.warn("the sink did not stop within shutdown.timeout");
        }
        sinkThread.join(Math.max(1, remaining(deadline).toMillis()));
        if (subscribers != null) {
            subscribers.close(remaining(deadline));
        }
        if (!processor.close(remaining(deadline))) {
            LOG.warn("the processor did not stop within shutdown.timeout");
        }
        cluster.close();
        ops.close();
    }

    private static Duration remaining(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
