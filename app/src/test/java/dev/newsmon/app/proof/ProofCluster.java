package dev.newsmon.app.proof;

import dev.newsmon.app.pipeline.Pipeline;
import dev.newsmon.broker.BrokerOptions;
import dev.newsmon.broker.EmbeddedBroker;
import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import dev.newsmon.common.kafka.TopicAdmin;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One broker shared by the scenarios of a test class. Each scenario has its own processor application id, sink
 * group, state and output folder, starts its groups at the end of the topics ({@link #startAtEnd}), and tells
 * its alerts apart by its workload's code.
 */
final class ProofCluster implements AutoCloseable {
    static final Duration DRAIN = Duration.ofMinutes(3);
    private static final Path RULES = Path.of("../config/rules.yaml").toAbsolutePath().normalize();

    private final Path root;
    private EmbeddedBroker broker;

    ProofCluster(Path root) throws IOException, InterruptedException, TimeoutException {
        this.root = root;
        broker = EmbeddedBroker.start(BrokerOptions.forTest(root.resolve("broker")));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            TopicAdmin.ensureTopics(admin, Topics.ALL, Set.of(), 3, (short) 1);
        }
    }

    String bootstrap() {
        return broker.bootstrapServers();
    }

    EmbeddedBroker broker() {
        return broker;
    }

    /** SIGKILL, then a start on the same data and port: what a crashed and restarted broker looks like. */
    void killAndRestartBroker() throws IOException, InterruptedException, TimeoutException {
        int port = Integer.parseInt(bootstrap().substring(bootstrap().lastIndexOf(':') + 1));
        broker.kill();
        broker = EmbeddedBroker.start(broker.options().withPort(port));
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

    /** The settings of one scenario, as --set pairs for a child JVM and as a config in this one. */
    Map<String, String> settings(String scenario) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("kafka.bootstrap.servers", bootstrap());
        s.put("data.dir", dir(scenario).resolve("data").toString());
        s.put("processor.application.id", "proof-" + scenario);
        s.put("processor.rules.file", RULES.toString());
        s.put("sink.group.id", "proof-sink-" + scenario);
        s.put("sink.out.dir", out(scenario).toString());
        s.put("sink.console", "false");
        return s;
    }

    /**
     * Starts the scenario's processor and sink groups at the current end of their input topics, so that a
     * scenario reads only what it produces itself, not the records of those before it on this broker.
     *
     * @return the sink group's starting offsets on news.alerts
     */
    Map<TopicPartition, OffsetAndMetadata> startAtEnd(String scenario) throws Exception {
        NewsmonConfig config = config(scenario);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            admin.alterConsumerGroupOffsets(config.get(Settings.PROCESSOR_APP_ID), ends(admin, Topics.ITEMS))
                    .all().get();
            Map<TopicPartition, OffsetAndMetadata> alerts = ends(admin, Topics.ALERTS);
            admin.alterConsumerGroupOffsets(config.get(Settings.SINK_GROUP_ID), alerts).all().get();
            return alerts;
        }
    }

    /** The committed offsets of a group on one topic. */
    Map<TopicPartition, OffsetAndMetadata> committed(String group, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            Map<TopicPartition, OffsetAndMetadata> all = new HashMap<>(
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get());
            all.keySet().removeIf(tp -> !tp.topic().equals(topic));
            return all;
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> ends(Admin admin, String topic) throws Exception {
        List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, new OffsetAndMetadata(info.offset())));
        return ends;
    }

    NewsmonConfig config(String scenario) {
        return NewsmonConfig.defaults().withKnown(settings(scenario));
    }

    void awaitQuiet(String scenario) throws InterruptedException, TimeoutException {
        Pipeline.awaitQuiet(config(scenario), DRAIN);
    }

    /** Starts {@code newsmon processor} for a scenario in a child JVM, logging to its folder. */
    Process startProcessorJvm(String scenario) throws IOException {
        Files.createDirectories(dir(scenario));
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), "dev.newsmon.app.Main", "processor"));
        settings(scenario).forEach((k, v) -> command.addAll(List.of("--set", k + "=" + v)));
        // A killed member's partitions move only when its session expires: the broker's minimum keeps that short.
        command.addAll(List.of("--set", "kafka.session.timeout.ms=6000"));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir(scenario).resolve("processor.log").toFile()))
                .start();
    }

    static void killHard(Process process) throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Polls {@code condition} until it holds or {@code timeout} passes. */
    static void awaitTrue(String what, Duration timeout, Callable<Boolean> condition) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.call()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    /** Stops the broker and deletes everything the scenarios wrote. */
    @Override
    public void close() throws InterruptedException, IOException {
        broker.close();
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
