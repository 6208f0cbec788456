package dev.newsmon.app.proof;

import dev.newsmon.app.NewsmonProcess;
import dev.newsmon.app.SharedBroker;
import dev.newsmon.app.TopicReader;
import dev.newsmon.app.pipeline.Cluster;
import dev.newsmon.app.pipeline.SinkAssembly;
import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.model.Alert;
import dev.newsmon.common.ops.Ops;
import dev.newsmon.sink.SinkRunner;
import dev.newsmon.sink.SinkService;
import dev.newsmon.sink.jsonl.JsonlFileSink;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The scenarios of a test class on one broker. Each scenario has its own processor application id, sink groups,
 * state and output folder, starts its groups at the end of the topics ({@link #startAtEnd}), and tells its alerts
 * apart by its workload's code. As an extension it runs them on a {@link SharedBroker}:
 * {@code @RegisterExtension static final ProofCluster CLUSTER = new ProofCluster();}
 */
final class ProofCluster implements BeforeAllCallback, AfterAllCallback {
    static final Duration DRAIN = Duration.ofMinutes(2);
    /** The sinks {@code newsmon sink} runs with a scenario's settings: their groups' names end with these. */
    static final List<String> CHILD_SINKS = List.of(JsonlFileSink.NAME);
    private static final Path RULES = Path.of("../config/rules.yaml").toAbsolutePath().normalize();

    private final SharedBroker shared;
    private String bootstrap;
    private Path root;

    ProofCluster() {
        this.shared = new SharedBroker();
    }

    private ProofCluster(String bootstrap, Path root) throws Exception {
        this.shared = null;
        use(bootstrap, root);
    }

    /** The scenarios on a broker the test runs itself (one it kills), writing below {@code root}. */
    static ProofCluster on(String bootstrap, Path root) throws Exception {
        return new ProofCluster(bootstrap, root);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        shared.beforeAll(context);
        use(shared.bootstrapServers(), shared.scratch());
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        shared.afterAll(context);
    }

    /** Creates newsmon's topics as the services do. */
    private void use(String bootstrapServers, Path scenariosRoot) throws Exception {
        this.bootstrap = bootstrapServers;
        this.root = scenariosRoot;
        Cluster.open(NewsmonConfig.defaults().withKnown(Map.of("kafka.bootstrap.servers", bootstrap))).close();
    }

    Path dir(String scenario) {
        return root.resolve(scenario);
    }

    Path out(String scenario) {
        return dir(scenario).resolve("out");
    }

    Path alertsFile(String scenario) {
        return out(scenario).resolve("alerts.jsonl");
    }

    /** What the scenario's alerts file holds of {@code workload}'s alerts. */
    AlertLedger ledger(String scenario, StoryWorkload workload) throws IOException {
        return AlertLedger.of(alertsFile(scenario), workload);
    }

    /** The settings of one scenario, as --set pairs for a child JVM and as a config in this one. */
    private Map<String, String> settings(String scenario) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("kafka.bootstrap.servers", bootstrap);
        s.put("data.dir", dir(scenario).resolve("data").toString());
        s.put("processor.application.id", "proof-" + scenario);
        s.put("processor.rules.file", RULES.toString());
        s.put("sink.group.id", "proof-sink-" + scenario);
        s.put("sink.out.dir", out(scenario).toString());
        s.put("sink.console", "false");
        return s;
    }

    NewsmonConfig config(String scenario) {
        return NewsmonConfig.defaults().withKnown(settings(scenario));
    }

    /**
     * Starts a scenario's processor and the groups of {@code sinkNames} at the current end of their input topics,
     * so that a scenario reads only what it produces itself, not the records of those before it on this broker.
     *
     * @return where the sink groups start on news.alerts
     */
    static Map<TopicPartition, OffsetAndMetadata> startAtEnd(NewsmonConfig config, Collection<String> sinkNames)
            throws Exception {
        try (Admin admin = Cluster.admin(config)) {
            Map<TopicPartition, OffsetAndMetadata> processor = new HashMap<>(ends(admin, Topics.ITEMS));
            Map<TopicPartition, OffsetAndMetadata> alerts = ends(admin, Topics.ALERTS);
            processor.putAll(alerts);
            admin.alterConsumerGroupOffsets(config.get(Settings.PROCESSOR_APP_ID), processor).all().get();
            for (String sink : sinkNames) {
                admin.alterConsumerGroupOffsets(SinkService.groupId(config, sink), alerts).all().get();
            }
            return alerts;
        }
    }

    /**
     * A scenario's sinks as {@code newsmon sink} builds them, not yet running, with every group of the scenario
     * started at the end of its topics.
     */
    SinkRunner sinks(NewsmonConfig config, Ops ops) throws Exception {
        SinkRunner sinks = SinkAssembly.build(config, System.out, ops);
        try {
            startAtEnd(config, sinks.sinkNames());
        } catch (Exception e) {
            sinks.abandon();
            throw e;
        }
        return sinks;
    }

    /** What the group of sink {@code sinkName} has committed on news.alerts. */
    static Map<TopicPartition, OffsetAndMetadata> committed(NewsmonConfig config, String sinkName) throws Exception {
        try (Admin admin = Cluster.admin(config)) {
            Map<TopicPartition, OffsetAndMetadata> all = new HashMap<>(admin.listConsumerGroupOffsets(
                    SinkService.groupId(config, sinkName)).partitionsToOffsetAndMetadata().get());
            all.keySet().removeIf(tp -> !tp.topic().equals(Topics.ALERTS));
            return all;
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> ends(Admin admin, String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, new OffsetAndMetadata(info.offset())));
        return ends;
    }

    /** Starts {@code newsmon processor} for a scenario in a child JVM, logging to its folder. */
    NewsmonProcess startProcessor(String scenario) throws IOException {
        return start("processor", scenario);
    }

    /**
     * Starts {@code newsmon sink} for a scenario in a child JVM, logging to its folder: the JSONL sink, in the group
     * {@link #CHILD_SINKS} names.
     */
    NewsmonProcess startSink(String scenario) throws IOException {
        return start("sink", scenario);
    }

    /** Services with their defaults: static members of their groups, with the short session newsmon sets. */
    private NewsmonProcess start(String command, String scenario) throws IOException {
        List<String> args = new ArrayList<>(List.of(command));
        settings(scenario).forEach((k, v) -> args.addAll(List.of("--set", k + "=" + v)));
        return NewsmonProcess.start(dir(scenario).resolve("logs"), Map.of(), args.toArray(String[]::new));
    }

    /** The items of {@code workload} whose alerts news.alerts holds, committed. */
    Set<String> committedAlertItems(StoryWorkload workload) {
        try (TopicReader<byte[], Alert> reader = new TopicReader<>(bootstrap, Topics.ALERTS,
                new ByteArrayDeserializer(), JsonSerde.of(Alert.class).deserializer())) {
            return reader.toEnd(DRAIN).stream().map(ConsumerRecord::value)
                    .filter(a -> workload.storyOf(a.title()) >= 0).map(Alert::itemId).collect(Collectors.toSet());
        }
    }
}
