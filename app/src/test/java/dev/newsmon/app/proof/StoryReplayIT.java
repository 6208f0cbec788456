package dev.newsmon.app.proof;

import dev.newsmon.app.SharedBroker;
import dev.newsmon.app.TopicReader;
import dev.newsmon.app.pipeline.Cluster;
import dev.newsmon.app.pipeline.IngestAssembly;
import dev.newsmon.app.pipeline.Pipeline;
import dev.newsmon.app.pipeline.ProcessorAssembly;
import dev.newsmon.app.pipeline.SinkAssembly;
import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.json.Json;
import dev.newsmon.common.model.Alert;
import dev.newsmon.common.ops.Ops;
import dev.newsmon.ingest.IngestService;
import dev.newsmon.processor.ProcessorService;
import dev.newsmon.processor.dedup.StoryIds;
import dev.newsmon.sink.SinkRunner;
import dev.newsmon.sink.http.AlertView;
import dev.newsmon.sink.http.StoryView;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A replay from scratch into the same PostgreSQL database (docs/stories.md): the items of a first run, which ingest
 * produced in its order to topics of 1 partition, produced again shuffled to topics of 6 partitions, for a new
 * processor application and new sink groups, as after a rules change. Half of the stories are opened by another of
 * their items this time: the replay names them differently, and the stores keep the first names.
 */
class StoryReplayIT {
    private static final int STORIES = 6;
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String DATABASE = "newsmon_replay_" + UUID.randomUUID().toString().replace("-", "")
            .substring(0, 12);
    private static final Path RULES = Path.of("../config/rules.yaml").toAbsolutePath().normalize();

    @RegisterExtension
    static final SharedBroker BROKER = new SharedBroker();

    @BeforeAll
    static void createDatabase() throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", credentials());
             Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + DATABASE);
        }
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", credentials());
             Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }

    @Test
    void aShuffledReplayOnSixPartitionsGroupsAsTheFirstRunAndLeavesOneRowPerStory() throws Exception {
        Path dir = BROKER.scratch();
        List<ConsumerRecord<byte[], byte[]>> items;
        List<Alert> first;
        try (StoryWorkload workload = new StoryWorkload("rp", STORIES)) {
            NewsmonConfig config = config(dir, "first", 1);
            Cluster.open(config).close();
            try (Ops ops = Ops.start(config, "replay");
                 IngestService ingest = IngestAssembly.build(config, workload.feeds(), ops);
                 ProcessorService processor = ProcessorAssembly.build(config, ops);
                 RunningSink<SinkRunner> sinks = RunningSink.start(SinkAssembly.build(config, System.out, ops))) {
                processor.start();
                workload.publish(STORIES);
                ingest.pollOnce();
                Pipeline.awaitQuiet(config, sinks.sink().sinkNames(), ProofCluster.DRAIN);
            }
            first = alerts(dir, "first");
            items = readItems(config);
            assertEquals(STORIES * 3, first.size(), "the first run alerts each story and its two copies");
            assertEquals(STORIES, groups(first).size());
        }

        deleteTopics();
        NewsmonConfig config = config(dir, "replay", 6);
        Cluster.open(config).close();
        Map<String, String> firstIds = storyOfItem(first);
        // Half the stories are opened by an item that did not open them in the first run, alone, before the rest.
        List<ConsumerRecord<byte[], byte[]>> openers = new ArrayList<>();
        List<ConsumerRecord<byte[], byte[]>> rest = new ArrayList<>(items);
        Set<String> renamed = new TreeSet<>();
        List<Set<String>> groups = new ArrayList<>(groups(first).values());
        for (int g = 0; g < groups.size(); g += 2) {
            String opener = groups.get(g).stream().filter(i -> !StoryIds.of(i).equals(firstIds.get(i))).sorted()
                    .findFirst().orElseThrow();
            ConsumerRecord<byte[], byte[]> record = rest.stream().filter(r -> key(r).equals(opener)).findFirst()
                    .orElseThrow();
            rest.remove(record);
            openers.add(record);
            renamed.add(firstIds.get(opener));
        }
        Collections.shuffle(rest, new Random(23));
        List<Alert> replay;
        try (Ops ops = Ops.start(config, "replay");
             ProcessorService processor = ProcessorAssembly.build(config, ops);
             RunningSink<SinkRunner> sinks = RunningSink.start(SinkAssembly.build(config, System.out, ops));
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config.kafkaProperties(Map.of(
                     ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                     ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)))) {
            processor.start();
            produce(producer, openers);
            Pipeline.awaitQuiet(config, sinks.sink().sinkNames(), ProofCluster.DRAIN);
            produce(producer, rest);
            Pipeline.awaitQuiet(config, sinks.sink().sinkNames(), ProofCluster.DRAIN);
            replay = alerts(dir, "replay");
        }

        // The same grouping, each story named as the processor names it: after the item that opened it.
        assertEquals(new HashSet<>(groups(first).values()), new HashSet<>(groups(replay).values()));
        namedAfterTheirOpeners(first);
        namedAfterTheirOpeners(replay);
        Map<String, String> replayIds = storyOfItem(replay);
        Map<String, String> aliases = new TreeMap<>();
        firstIds.forEach((item, id) -> {
            if (!replayIds.get(item).equals(id)) {
                aliases.put(replayIds.get(item), id);
            }
        });
        assertTrue(aliases.values().containsAll(renamed), "the replay named the re-opened stories anew: " + aliases);

        // PostgreSQL: one row per story, under the first run's id, with all its items; the replay's ids are aliases.
        Map<String, Set<String>> stored = new TreeMap<>();
        for (String row : rows("SELECT story_id || ' ' || item_id FROM copies")) {
            String[] f = row.split(" ");
            stored.computeIfAbsent(f[0], k -> new TreeSet<>()).add(f[1]);
        }
        assertEquals(new TreeMap<>(groups(first)), stored);
        assertEquals(new TreeSet<>(groups(first).keySet()), new TreeSet<>(rows("SELECT story_id FROM stories")));
        Map<String, String> storedAliases = new TreeMap<>();
        for (String row : rows("SELECT alias_id || ' ' || story_id FROM story_aliases")) {
            storedAliases.put(row.split(" ")[0], row.split(" ")[1]);
        }
        assertEquals(aliases, storedAliases);

        // The dashboard, rebuilt from the topics in any order (here the replay first): one story per group.
        AlertView view = new AlertView(Duration.ofDays(1), Clock.systemUTC());
        replay.forEach(view::add);
        first.forEach(view::add);
        Map<String, Set<String>> shown = new TreeMap<>();
        for (StoryView s : view.stories(null)) {
            Set<String> members = new TreeSet<>();
            members.add(s.itemId());
            s.copies().forEach(c -> members.add(c.itemId()));
            shown.put(s.storyId(), members);
        }
        assertEquals(new TreeMap<>(groups(first)), shown);

        System.out.printf("[replay] %d stories, %d alerts a run, the same grouping; the replay (6 partitions, shuffled) "
                + "named %d stories anew; PostgreSQL: %d story rows, %d aliases; dashboard: %d stories%n", STORIES,
                first.size(), aliases.size(), stored.size(), storedAliases.size(), shown.size());
    }

    private static NewsmonConfig config(Path dir, String run, int partitions) {
        return NewsmonConfig.defaults().withKnown(Map.ofEntries(
                Map.entry("kafka.bootstrap.servers", BROKER.bootstrapServers()),
                Map.entry("data.dir", dir.resolve(run).resolve("data").toString()),
                Map.entry("topics.partitions", Integer.toString(partitions)),
                Map.entry("processor.application.id", "replay-" + run),
                Map.entry("processor.rules.file", RULES.toString()),
                Map.entry("sink.group.id", "replay-" + run + "-sink"),
                Map.entry("sink.out.dir", dir.resolve(run).resolve("out").toString()),
                Map.entry("sink.console", "false"),
                Map.entry("sink.postgres.enabled", "true"),
                Map.entry("sink.postgres.url", SERVER + DATABASE),
                Map.entry("sink.postgres.user", "postgres")));
    }

    /** Every story alert names its story after its item, and every copy carries the id of such a story. */
    private static void namedAfterTheirOpeners(List<Alert> alerts) {
        Set<String> opened = new HashSet<>();
        for (Alert a : alerts) {
            if (a.kind() == Alert.Kind.STORY) {
                assertEquals(StoryIds.of(a.itemId()), a.storyId(), a.toString());
                assertTrue(opened.add(a.storyId()), "one story alert per story: " + a);
            }
        }
        assertEquals(opened, alerts.stream().map(Alert::storyId).collect(Collectors.toSet()));
        assertEquals(alerts.size(), alerts.stream().map(Alert::itemId).distinct().count(), "each item alerted once");
    }

    /** Story id to the ids of its items. */
    private static Map<String, Set<String>> groups(List<Alert> alerts) {
        Map<String, Set<String>> groups = new HashMap<>();
        alerts.forEach(a -> groups.computeIfAbsent(a.storyId(), k -> new TreeSet<>()).add(a.itemId()));
        return groups;
    }

    private static Map<String, String> storyOfItem(List<Alert> alerts) {
        return alerts.stream().collect(Collectors.toMap(Alert::itemId, Alert::storyId));
    }

    private static List<Alert> alerts(Path dir, String run) throws IOException {
        List<Alert> alerts = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve(run).resolve("out").resolve("alerts.jsonl"))) {
            alerts.add(Json.mapper().readValue(line, Alert.class));
        }
        return alerts;
    }

    /** Every record of news.items, as the first run's ingest produced them. */
    private static List<ConsumerRecord<byte[], byte[]>> readItems(NewsmonConfig config) {
        try (TopicReader<byte[], byte[]> reader = TopicReader.bytes(config.bootstrapServers().orElseThrow(),
                Topics.ITEMS)) {
            return reader.toEnd(ProofCluster.DRAIN);
        }
    }

    private static void produce(KafkaProducer<byte[], byte[]> producer, List<ConsumerRecord<byte[], byte[]>> records)
            throws Exception {
        for (ConsumerRecord<byte[], byte[]> r : records) {
            // The first run's record time: the dedup window places items by it.
            producer.send(new ProducerRecord<>(Topics.ITEMS, null, r.timestamp(), r.key(), r.value())).get();
        }
    }

    private static String key(ConsumerRecord<byte[], byte[]> r) {
        return new String(r.key(), StandardCharsets.UTF_8);
    }

    /** Removes every topic of the first run, so that the replay's are created anew with another partition count. */
    private static void deleteTopics() throws Exception {
        NewsmonConfig config = NewsmonConfig.defaults().withKnown(Map.of("kafka.bootstrap.servers",
                BROKER.bootstrapServers()));
        try (Admin admin = Cluster.admin(config)) {
            Set<String> topics = admin.listTopics().names().get();
            admin.deleteTopics(topics).all().get();
            await("the first run's topics deleted").atMost(ProofCluster.DRAIN)
                    .until(() -> Collections.disjoint(admin.listTopics().names().get(), topics));
        }
    }

    private static List<String> rows(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(SERVER + DATABASE, credentials());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static Properties credentials() {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        return p;
    }
}
