package dev.newsmon.app;

import dev.newsmon.app.pipeline.Pipeline;
import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.kafka.TopicAdmin;
import dev.newsmon.common.model.Alert;
import dev.newsmon.common.model.FeedItem;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.LinkedHashMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dedup across partitions and instances: 2,000 items of 800 known stories on 6 partitions, processed once by one
 * processor instance and once by two, one of which is killed (SIGKILL, no close) mid-run and restarted on its own
 * state. Both runs must find exactly the known clusters, with one alert per item and one story alert per story.
 */
class ScaleOutDedupIT {
    private static final int PARTITIONS = 6;
    private static final int STORIES = 800;
    private static final int VOCABULARY = 200;
    private static final String[] OUTLETS = {"Meridian Wire", "Harbor Ledger", "Pine Valley Times", "Coastline Post"};
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);
    /** For reading news.alerts to its end once the run is done. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    @RegisterExtension
    static final SharedBroker BROKER = new SharedBroker();

    @TempDir
    Path dir;

    @Test
    void twoInstancesWithAKillFindTheSameClustersAsOne() throws Exception {
        Map<String, Set<String>> known = produceStories();
        int items = known.values().stream().mapToInt(Set::size).sum();
        assertTrue(items >= 2_000, "items: " + items);

        long started = System.nanoTime();
        try (NewsmonProcess single = processor("single", 0)) {
            Map<String, Set<String>> clusters = awaitClusters("single", items, single);
            assertEquals(clustersOf(known), Set.copyOf(clusters.values()), "one instance found other clusters");
        }
        System.out.printf("[scale-out] one instance: %d items in %.0f s%n", items, (System.nanoTime() - started) / 1e9);
        started = System.nanoTime();

        try (NewsmonProcess first = processor("scaled", 1); NewsmonProcess second = processor("scaled", 2)) {
            awaitAlerts("scaled", items / 4, first);
            first.kill();
            System.out.println("[scale-out] killed instance 1 (SIGKILL) after a quarter of the alerts; restarting it");
            try (NewsmonProcess restarted = processor("scaled", 1)) {
                Map<String, Set<String>> clusters = awaitClusters("scaled", items, restarted);
                assertEquals(clustersOf(known), Set.copyOf(clusters.values()),
                        "two instances with a kill found other clusters than the known ones");
            }
        }
        System.out.printf("[scale-out] two instances, one killed and restarted: %d items in %.0f s%n", items,
                (System.nanoTime() - started) / 1e9);
    }

    /** Each story: an original and 0–3 copies (headline suffix and footer, dateline, truncation). */
    private Map<String, Set<String>> produceStories() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", BROKER.bootstrapServers()))) {
            TopicAdmin.ensureTopics(admin, Topics.ALL, Topics.configs(Duration.ofDays(30)), PARTITIONS, (short) 1);
        }
        Map<String, Set<String>> known = new TreeMap<>();
        Random random = new Random(5);
        Instant published = Instant.parse("2026-11-28T08:00:00Z");
        List<FeedItem> items = new ArrayList<>();
        for (int s = 0; s < STORIES; s++) {
            String title = "Station report " + s + ": " + words(random, 6);
            String text = words(random, 25) + " aboard the International Space Station " + words(random, 70) + ".";
            Set<String> ids = new HashSet<>();
            int copies = s % 4;
            for (int c = 0; c <= copies; c++) {
                FeedItem item = variant(s, c, title, text, published.plusSeconds(60L * s + 600L * c));
                ids.add(item.itemId());
                items.add(item);
            }
            known.put("story-" + s, ids);
        }
        // Just after the topics are created, an idempotent producer's first batches can meet NOT_LEADER_OR_FOLLOWER
        // then OUT_OF_ORDER_SEQUENCE_NUMBER until they expire, losing items. The order of the items does not matter
        // here, so no sequence numbers; and every item must be in news.items before a missing alert can blame the
        // processor, so a failed send is sent again (a repeat is dropped by the re-delivery filter).
        try (KafkaProducer<String, FeedItem> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), JsonSerde.of(FeedItem.class).serializer())) {
            List<FeedItem> pending = items;
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                assertTrue(attempt <= 5, pending.size() + " items could not be produced");
                Map<FeedItem, Future<RecordMetadata>> sent = new LinkedHashMap<>();
                pending.forEach(i -> sent.put(i, producer.send(new ProducerRecord<>(Topics.ITEMS, i.itemId(), i))));
                producer.flush();
                List<FeedItem> failed = new ArrayList<>();
                for (Map.Entry<FeedItem, Future<RecordMetadata>> e : sent.entrySet()) {
                    try {
                        e.getValue().get();
                    } catch (ExecutionException ex) {
                        failed.add(e.getKey());
                    }
                }
                if (!failed.isEmpty()) {
                    System.out.printf("[scale-out] %d sends failed, sending them again%n", failed.size());
                }
                pending = failed;
            }
        }
        return known;
    }

    private static FeedItem variant(int story, int copy, String title, String text, Instant published) {
        String outlet = OUTLETS[copy];
        String t = title;
        String body = text;
        switch (copy) {
            case 1 -> {
                t = title + " | " + outlet;
                body = text + " © 2026 " + outlet + ". All rights reserved.";
            }
            case 2 -> body = "HOUSTON (" + outlet + ") — " + text;
            case 3 -> body = text.substring(0, text.indexOf(' ', text.length() * 3 / 5)) + " Read more…";
            default -> {
            }
        }
        String id = "https://" + outlet.toLowerCase().replace(' ', '-') + ".example/story/" + story;
        return new FeedItem(FeedItem.SCHEMA_VERSION, id, id, "https://" + outlet.toLowerCase().replace(' ', '-')
                + ".example/feed", outlet, id, t, body, published, published);
    }

    /** Made-up words from a small vocabulary: stories share words, rarely a run of four, as real reports do. */
    private static String words(Random random, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : " ").append("w").append(Integer.toString(random.nextInt(VOCABULARY), 36));
        }
        return b.toString();
    }

    private NewsmonProcess processor(String appId, int instance) throws Exception {
        return NewsmonProcess.start(dir.resolve("logs-" + appId + "-" + instance), Map.of(), "processor",
                "--bootstrap-servers", BROKER.bootstrapServers(),
                "--set", Settings.PROCESSOR_APP_ID.key() + "=" + appId,
                "--set", Settings.DATA_DIR.key() + "=" + dir.resolve("data-" + appId + "-" + instance),
                "--set", Settings.TOPIC_PARTITIONS.key() + "=" + PARTITIONS,
                "--set", Settings.OPS_HTTP_PORT.key() + "=0",
                // A killed instance's tasks move once the broker gives up on it.
                "--set", "kafka.session.timeout.ms=10000");
    }

    /** Waits until the processor group has drained every input, then checks the alerts and returns the clusters. */
    private Map<String, Set<String>> awaitClusters(String appId, int items, NewsmonProcess watched) throws Exception {
        awaitAlerts(appId, items, watched);
        NewsmonConfig config = NewsmonConfig.defaults().withKnown(Map.of("kafka.bootstrap.servers",
                BROKER.bootstrapServers(), Settings.PROCESSOR_APP_ID.key(), appId));
        Pipeline.awaitQuiet(config, List.of(), RUN_TIMEOUT);
        List<Alert> alerts = allAlerts(appId);

        Map<String, Long> perItem = alerts.stream().collect(Collectors.groupingBy(Alert::itemId,
                Collectors.counting()));
        List<String> doubled = perItem.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .toList();
        Map<String, Long> storyAlerts = alerts.stream().filter(a -> a.kind() == Alert.Kind.STORY)
                .collect(Collectors.groupingBy(Alert::storyId, Collectors.counting()));
        long duplicateStories = storyAlerts.values().stream().filter(n -> n > 1).count();
        Map<String, Set<String>> clusters = new HashMap<>();
        alerts.forEach(a -> clusters.computeIfAbsent(a.storyId(), k -> new HashSet<>()).add(a.itemId()));
        System.out.printf("[scale-out] run %s: expected %d alerts, delivered %d, duplicates %d, lost %d;"
                        + " %d stories, duplicate story alerts %d%n", appId, items, alerts.size(), doubled.size(),
                items - perItem.size(), storyAlerts.size(), duplicateStories);
        assertEquals(List.of(), doubled, "items alerted more than once");
        assertEquals(0, duplicateStories, "stories alerted more than once");
        assertEquals(items, perItem.size(), "items never alerted");
        return clusters;
    }

    /** Reads the run's alerts from the start until there are {@code atLeast}, while {@code watched} runs. */
    private List<Alert> awaitAlerts(String appId, int atLeast, NewsmonProcess watched) {
        try (TopicReader<String, Alert> reader = alertReader()) {
            return ofRun(appId, reader.until(watched.awaitWhileAlive(atLeast + " alerts of run " + appId)
                    .atMost(RUN_TIMEOUT), records -> ofRun(appId, records).size() >= atLeast));
        }
    }

    /** The run's alerts in news.alerts up to its end. */
    private List<Alert> allAlerts(String appId) {
        try (TopicReader<String, Alert> reader = alertReader()) {
            return ofRun(appId, reader.toEnd(READ_TIMEOUT));
        }
    }

    private TopicReader<String, Alert> alertReader() {
        return new TopicReader<>(BROKER.bootstrapServers(), Topics.ALERTS, new StringDeserializer(),
                JsonSerde.of(Alert.class).deserializer());
    }

    /** The alerts of one run, told apart by their ce_source header. */
    private static List<Alert> ofRun(String appId, List<ConsumerRecord<String, Alert>> records) {
        String source = "/newsmon/processor/" + appId;
        return records.stream().filter(r -> {
            Header h = r.headers().lastHeader("ce_source");
            return h != null && source.equals(new String(h.value(), StandardCharsets.UTF_8));
        }).map(ConsumerRecord::value).toList();
    }

    private static Set<Set<String>> clustersOf(Map<String, Set<String>> known) {
        return Set.copyOf(known.values());
    }
}
