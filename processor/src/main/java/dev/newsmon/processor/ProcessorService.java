package dev.newsmon.processor;

import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import dev.newsmon.common.kafka.StaticMembership;
import dev.newsmon.common.kafka.TopicAdmin;
import dev.newsmon.processor.alert.AlertMeters;
import dev.newsmon.processor.tagging.LiveTagger;
import dev.newsmon.processor.tagging.RulesTopic;
import dev.newsmon.processor.tagging.Tagger;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** One processor instance: the topology running in a {@link KafkaStreams}. */
public final class ProcessorService implements AutoCloseable {
    private static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final NewsmonConfig config;
    private final LiveTagger tagger;
    private final RunningStreams streams;

    /**
     * @param rulesFile the tagger of processor.rules.file: it tags while news.rules has no rules
     * @param registry  where the processor registers its meters, those of its alerts among them
     */
    public ProcessorService(NewsmonConfig config, Tagger rulesFile, MeterRegistry registry) {
        this.config = config;
        this.tagger = new LiveTagger(rulesFile);
        Properties props = NewsTopology.streamsProperties(config);
        // Unless kafka.group.instance.id names one: a restart after a crash takes its tasks back at once.
        props.putIfAbsent(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, StaticMembership.instanceId(
                config.get(Settings.DATA_DIR), config.get(Settings.PROCESSOR_APP_ID)));
        this.streams = new RunningStreams("processor",
                NewsTopology.buildTopology(config, tagger, new AlertMeters(registry)), props,
                Counter.builder("newsmon.processor.stream.threads.replaced")
                        .description("Stream threads that died and were replaced").register(registry));
        Gauge.builder("newsmon.processor.running", streams, s -> s.state() == KafkaStreams.State.RUNNING ? 1 : 0)
                .description("1 while Kafka Streams is RUNNING, else 0").register(registry);
        // The live tagger counts the rule sets it refuses; read at scrape time.
        FunctionCounter.builder("newsmon.processor.rules.rejected", tagger, LiveTagger::rejected)
                .description("Rule sets on news.rules that could not be parsed or built (the rules in force stay)")
                .register(registry);
    }

    /**
     * Creates, if absent, the resolve topic (Kafka Streams does not manage it, see
     * {@link ProcessorNames#resolveTopic}), the compacted {@link Topics#STORIES} and {@link Topics#ALERTS} (read back
     * to build the clusters) and {@code news.rules}, and starts processing. Local state is kept: it is what makes a
     * restart cheap and exactly-once.
     */
    public void start() throws InterruptedException {
        try (Admin admin = Admin.create(config.kafkaProperties(Map.of()))) {
            TopicAdmin.ensureTopics(admin, List.of(Topics.ALERTS, Topics.STORIES,
                            ProcessorNames.resolveTopic(config)),
                    Map.of(Topics.STORIES, Topics.COMPACTED),
                    config.get(Settings.TOPIC_PARTITIONS), config.get(Settings.TOPIC_REPLICATION).shortValue());
            RulesTopic.ensure(admin, config);
        }
        streams.start();
    }

    /** True once the instance has been RUNNING and still is; false after the timeout or if it failed first. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        return streams.awaitRunning(timeout);
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** The Kafka Streams instance, for binding its client metrics; its life-cycle stays with this service. */
    public KafkaStreams streams() {
        return streams.streams();
    }

    /** The version of the rules from news.rules in force, or empty while processor.rules.file tags. */
    public Optional<String> liveRulesVersion() {
        return tagger.liveVersion();
    }

    /**
     * Stops after the current records are committed; true if it stopped within the timeout. It leaves the group
     * on the way out (a static member does not by default), so the partitions move at once instead of after the
     * session timeout.
     */
    public boolean close(Duration timeout) {
        return streams.close(timeout);
    }

    @Override
    public void close() {
        close(DEFAULT_CLOSE_TIMEOUT);
    }
}
