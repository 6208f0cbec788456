package dev.newsmon.processor;

import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.model.Alert;
import dev.newsmon.common.model.FeedItem;
import dev.newsmon.common.model.StoryCluster;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static dev.newsmon.processor.Articles.BLOG_TEXT;
import static dev.newsmon.processor.Articles.GAS_TEXT;
import static dev.newsmon.processor.Articles.GAS_TITLE;
import static dev.newsmon.processor.Articles.INDEPENDENT_TEXT;
import static dev.newsmon.processor.Articles.INDEPENDENT_TITLE;
import static dev.newsmon.processor.Articles.ORIGINAL_TEXT;
import static dev.newsmon.processor.Articles.TITLE;
import static dev.newsmon.processor.Articles.WIRE_TEXT;
import static dev.newsmon.processor.Articles.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NewsTopologyTest {
    private static final Instant T0 = Instant.parse("2026-03-03T08:00:00Z");

    @TempDir
    Path dataDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, FeedItem> items;
    private TestOutputTopic<String, Alert> alerts;

    @BeforeEach
    void setUp() {
        NewsmonConfig config = TopologyDrivers.config(dataDir, Map.of("processor.dedup.window", "7d"));
        driver = TopologyDrivers.driver(config, new KeywordTagger(), T0);
        items = driver.createInputTopic(Topics.ITEMS, new StringSerializer(),
                JsonSerde.of(FeedItem.class).serializer());
        alerts = driver.createOutputTopic(Topics.ALERTS, new StringDeserializer(),
                JsonSerde.of(Alert.class).deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    private void send(FeedItem item, Instant recordTime) {
        items.pipeInput(item.itemId(), item, recordTime);
    }

    @Test
    void untaggedItemGivesNoAlert() {
        send(item("gas-1", "millbrook-gazette", GAS_TITLE, GAS_TEXT, T0), T0);
        send(item("iss-1", "harbor-point-herald", TITLE, ORIGINAL_TEXT, T0), T0);

        List<Alert> out = alerts.readValuesToList();
        assertEquals(List.of("iss-1"), out.stream().map(Alert::itemId).toList());
    }

    @Test
    void storyAndSyndicatedVariantsShareOneStory() {
        send(item("orig", "harbor-point-herald", TITLE, ORIGINAL_TEXT, T0), T0);
        Instant t1 = T0.plus(Duration.ofMinutes(20));
        send(item("wire", "orbital-wire", TITLE + " | Orbital Wire", WIRE_TEXT, t1), t1);
        Instant t2 = T0.plus(Duration.ofMinutes(40));
        send(item("blog", "cosmos-daily", TITLE, BLOG_TEXT, t2), t2);

        List<TestRecord<String, Alert>> out = alerts.readRecordsToList();
        assertEquals(3, out.size(), () -> "alerts: " + out);
        Alert story = out.get(0).value();
        assertEquals(Alert.Kind.STORY, story.kind());
        assertEquals("orig", story.itemId());
        assertNull(story.similarity());
        assertEquals(List.of(KeywordTagger.TAG), story.tags());
        assertEquals(KeywordTagger.RULES_VERSION, story.rulesVersion());
        assertEquals(Alert.SCHEMA_VERSION, story.schemaVersion());
        for (TestRecord<String, Alert> r : out.subList(1, 3)) {
            Alert copy = r.value();
            assertEquals(Alert.Kind.COPY, copy.kind());
            assertEquals(story.storyId(), copy.storyId());
            assertEquals(story.storyId(), r.key(), "alerts are keyed by story id");
            assertEquals("orig", copy.copyOf());
            assertTrue(copy.similarity() >= 0.9, () -> "similarity " + copy.similarity());
        }
        assertEquals(List.of("wire", "blog"), out.subList(1, 3).stream().map(r -> r.value().itemId()).toList());
    }

    @Test
    void eachAlertCarriesItsItemsLanguage() {
        send(item("orig", "harbor-point-herald", TITLE, ORIGINAL_TEXT, T0).withLanguage("en"), T0);
        Instant t1 = T0.plus(Duration.ofMinutes(20));
        send(item("wire", "orbital-wire", TITLE + " | Orbital Wire", WIRE_TEXT, t1), t1);
        Instant t2 = T0.plus(Duration.ofMinutes(40));
        send(item("other", "cosmos-daily", INDEPENDENT_TITLE, INDEPENDENT_TEXT, t2).withLanguage("ru"), t2);

        Map<String, Alert> byItem = new java.util.HashMap<>();
        alerts.readValuesToList().forEach(a -> byItem.put(a.itemId(), a));
        assertEquals(Alert.Kind.STORY, byItem.get("orig").kind());
        assertEquals("en", byItem.get("orig").language());
        assertEquals(Alert.Kind.COPY, byItem.get("wire").kind());
        assertNull(byItem.get("wire").language(), "an item of unknown language gives an alert of unknown language");
        assertEquals("ru", byItem.get("other").language());
    }

    @Test
    void copyWithADroppedParagraphIsCopy() {
        send(item("orig", "harbor-point-herald", TITLE, ORIGINAL_TEXT, T0), T0);
        List<String> shorter = new ArrayList<>(Articles.PARAGRAPHS);
        shorter.remove(3);
        Instant t1 = T0.plus(Duration.ofMinutes(15));
        send(item("edit", "lakeside-press", TITLE, String.join("\n\n", shorter), t1), t1);

        List<Alert> out = alerts.readValuesToList();
        assertEquals(List.of(Alert.Kind.STORY, Alert.Kind.COPY), out.stream().map(Alert::kind).toList());
        assertEquals(out.get(0).storyId(), out.get(1).storyId());
        // Contained but for the few shingles that span the gap.
        assertTrue(out.get(1).similarity() >= 0.95, () -> "similarity " + out.get(1).similarity());
    }

    @Test
    void storyClusterListsEveryOutletAndMarksAnEarlierPublishedCopyAsOriginal() {
        TestOutputTopic<String, StoryCluster> stories = driver.createOutputTopic(Topics.STORIES,
                new StringDeserializer(), JsonSerde.of(StoryCluster.class).deserializer());
        send(item("orig", "harbor-point-herald", TITLE, ORIGINAL_TEXT, T0), T0);
        Instant t1 = T0.plus(Duration.ofMinutes(20));
        send(item("wire", "orbital-wire", TITLE + " | Orbital Wire", WIRE_TEXT, t1), t1);
        // Seen last, but its feed says it was published an hour before the item that opened the story.
        Instant t2 = T0.plus(Duration.ofMinutes(40));
        send(item("blog", "cosmos-daily", TITLE, BLOG_TEXT, T0.minus(Duration.ofHours(1))), t2);

        List<TestRecord<String, StoryCluster>> updates = stories.readRecordsToList();
        assertEquals(3, updates.size(), () -> "updates: " + updates);
        StoryCluster last = updates.get(2).value();
        assertEquals(last.storyId(), updates.get(2).key(), "keyed by story id");
        assertEquals(StoryCluster.SCHEMA_VERSION, last.schemaVersion());
        assertEquals("orig", last.first().itemId());
        assertEquals(3, last.count());
        assertEquals(List.of("cosmos-daily", "harbor-point-herald", "orbital-wire"), last.outlets());
        assertEquals(List.of("wire", "blog"), last.copies().stream().map(StoryCluster.Member::itemId).toList());
        assertEquals("https://orbital-wire.example/wire", last.copies().get(0).url());
        assertEquals("orig", last.copies().get(0).copyOf());
        assertEquals("orig", updates.get(1).value().originalItemId());
        assertEquals("blog", last.originalItemId());
    }

    @Test
    void copyHoursLaterIsStillCopy() {
        send(item("orig", "harbor-point-herald", TITLE, ORIGINAL_TEXT, T0), T0);
        Instant later = T0.plus(Duration.ofHours(5));
        send(item("blog", "cosmos-daily", TITLE, BLOG_TEXT, later), later);

        List<Alert> out = alerts.readValuesToList();
        assertEquals(List.of(Alert.Kind.STORY, Alert.Kind.COPY), out.stream().map(Alert::kind).toList());
        assertEquals(out.get(0).storyId(), out.get(1).storyId());
    }

    @Test
    void copyAfterTheWindowIsNewStory() {
        send(item("orig", "harbor-point-herald", TITLE, ORIGINAL_TEXT, T0), T0);
        Instant later = T0.plus(Duration.ofDays(8));
        send(item("wire", "orbital-wire", TITLE + " | Orbital Wire", WIRE_TEXT, later), later);

        List<Alert> out = alerts.readValuesToList();
        assertEquals(List.of(Alert.Kind.STORY, Alert.Kind.STORY), out.stream().map(Alert::kind).toList());
        assertNotEquals(out.get(0).storyId(), out.get(1).storyId());
    }

    @Test
    void independentReportsOfOneEventStayTwoStories() {
        send(item("orig", "harbor-point-herald", TITLE, ORIGINAL_TEXT, T0), T0);
        Instant t1 = T0.plus(Duration.ofMinutes(30));
        send(item("own", "prairie-science-review", INDEPENDENT_TITLE, INDEPENDENT_TEXT, t1), t1);

        List<Alert> out = alerts.readValuesToList();
        assertEquals(List.of(Alert.Kind.STORY, Alert.Kind.STORY), out.stream().map(Alert::kind).toList());
        assertNotEquals(out.get(0).storyId(), out.get(1).storyId());
    }

    @Test
    void wireBodyUnderANewHeadlineJoinsItsStory() {
        send(item("wire", "kestrel-wire", Syndicated.WIRE_TITLE, Syndicated.WIRE_TEXT, T0), T0);
        Instant t1 = T0.plus(Duration.ofMinutes(50));
        send(item("paper", "fenmoor-gazette", Syndicated.RETITLED_TITLE, Syndicated.RETITLED_TEXT, t1), t1);

        List<Alert> out = alerts.readValuesToList();
        assertEquals(List.of(Alert.Kind.STORY, Alert.Kind.COPY), out.stream().map(Alert::kind).toList());
        assertEquals(out.get(0).storyId(), out.get(1).storyId());
        assertEquals("wire", out.get(1).copyOf());
    }

    @Test
    void copyEditedCopyJoinsItsStory() {
        send(item("wire", "kestrel-wire", Syndicated.WIRE_TITLE, Syndicated.WIRE_TEXT, T0), T0);
        Instant t1 = T0.plus(Duration.ofMinutes(80));
        send(item("edited", "thamesbury-chronicle", Syndicated.EDITED_TITLE, Syndicated.EDITED_TEXT, t1), t1);

        List<Alert> out = alerts.readValuesToList();
        assertEquals(List.of(Alert.Kind.STORY, Alert.Kind.COPY), out.stream().map(Alert::kind).toList());
        assertEquals(out.get(0).storyId(), out.get(1).storyId());
    }

    /** The story first (after the newsletter's greeting and the item's heading), second, in the middle, last. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 5})
    void newsletterCarryingTheStoryIsANewStory(int position) {
        send(item("wire", "kestrel-wire", Syndicated.WIRE_TITLE, Syndicated.WIRE_TEXT, T0), T0);
        Instant t1 = T0.plus(Duration.ofHours(3));
        send(item("digest", "coastline-digest", Syndicated.NEWSLETTER_TITLE, Syndicated.newsletter(position), t1),
                t1);
        // A copy of the story that comes after the newsletter still finds the story, not the newsletter.
        Instant t2 = T0.plus(Duration.ofHours(4));
        send(item("paper", "fenmoor-gazette", Syndicated.RETITLED_TITLE, Syndicated.RETITLED_TEXT, t2), t2);

        List<Alert> out = alerts.readValuesToList();
        assertEquals(List.of("wire", "digest", "paper"), out.stream().map(Alert::itemId).toList());
        assertEquals(List.of(Alert.Kind.STORY, Alert.Kind.STORY, Alert.Kind.COPY),
                out.stream().map(Alert::kind).toList(),
                () -> "copy of: " + out.stream().map(a -> a.itemId() + "->" + a.copyOf()).toList());
        assertNotEquals(out.get(0).storyId(), out.get(1).storyId());
        assertEquals("wire", out.get(2).copyOf());
    }

    @Test
    void secondAgencysReportOfTheSameEventStaysItsOwnStory() {
        send(item("wire", "kestrel-wire", Syndicated.WIRE_TITLE, Syndicated.WIRE_TEXT, T0), T0);
        Instant t1 = T0.plus(Duration.ofMinutes(10));
        send(item("own", "orbital-wire", Syndicated.OWN_TITLE, Syndicated.OWN_TEXT, t1), t1);

        List<Alert> out = alerts.readValuesToList();
        assertEquals(List.of(Alert.Kind.STORY, Alert.Kind.STORY), out.stream().map(Alert::kind).toList());
    }

    @Test
    void sameItemProducedTwiceGivesOneAlert() {
        FeedItem orig = item("orig", "harbor-point-herald", TITLE, ORIGINAL_TEXT, T0);
        send(orig, T0);
        // Ingest restarted and produced the item again, a few minutes later.
        send(orig, T0.plus(Duration.ofMinutes(10)));

        assertEquals(1, alerts.readValuesToList().size());
    }

    @Test
    void anItemThatMatchedNoRuleIsAlertedWhenItsRevisionMatches() {
        // The first version is a stub that names no station; the edit an hour later fills in the story.
        send(item("stub", "harbor-point-herald", "Crew news expected today", "Details to follow.", T0), T0);
        Instant edited = T0.plus(Duration.ofHours(1));
        send(item("stub", "harbor-point-herald", TITLE, ORIGINAL_TEXT, T0).withRevision(1), edited);
        // A re-delivery of the revision (ingest restarted) changes nothing.
        send(item("stub", "harbor-point-herald", TITLE, ORIGINAL_TEXT, T0).withRevision(1),
                edited.plus(Duration.ofMinutes(5)));

        List<Alert> out = alerts.readValuesToList();
        assertEquals(List.of(Alert.Kind.STORY), out.stream().map(Alert::kind).toList());
        assertEquals("stub", out.get(0).itemId());
    }

    @Test
    void anEditOfAnItemAlreadyInAStoryGivesNoSecondAlert() {
        send(item("orig", "harbor-point-herald", TITLE, ORIGINAL_TEXT, T0), T0);
        send(item("orig", "harbor-point-herald", TITLE + " (updated)", INDEPENDENT_TEXT, T0).withRevision(1),
                T0.plus(Duration.ofHours(2)));

        assertEquals(1, alerts.readValuesToList().size());
    }

    @Test
    void poisonRecordGoesToDeadLetterQueueAndProcessingContinues() {
        TestInputTopic<String, byte[]> raw = driver.createInputTopic(Topics.ITEMS, new StringSerializer(),
                new ByteArraySerializer());
        byte[] poison = "{not json at all".getBytes(StandardCharsets.UTF_8);
        raw.pipeInput("bad-1", poison, T0);
        send(item("orig", "harbor-point-herald", TITLE, ORIGINAL_TEXT, T0), T0);

        TestOutputTopic<byte[], byte[]> dlq = driver.createOutputTopic(Topics.DLQ, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        TestRecord<byte[], byte[]> dead = dlq.readRecord();
        assertEquals("{not json at all", new String(dead.value(), StandardCharsets.UTF_8));
        assertEquals("bad-1", new String(dead.key(), StandardCharsets.UTF_8));
        Header exception = dead.headers().lastHeader("__streams.errors.exception");
        assertNotNull(exception, "DLQ record names the exception");
        assertTrue(new String(exception.value(), StandardCharsets.UTF_8).contains("SerializationException"));
        Header topic = dead.headers().lastHeader("__streams.errors.topic");
        assertEquals(Topics.ITEMS, new String(topic.value(), StandardCharsets.UTF_8));
        assertTrue(dlq.isEmpty());

        assertEquals(List.of("orig"), alerts.readValuesToList().stream().map(Alert::itemId).toList());
    }

    @Test
    void streamsPropertiesFollowTheConfig() {
        NewsmonConfig config = NewsmonConfig.defaults().withKnown(Map.of("data.dir", "/var/lib/newsmon",
                "kafka.bootstrap.servers", "broker-a:9092", "kafka.commit.interval.ms", "250",
                "processor.threads", "3"));

        Properties p = NewsTopology.streamsProperties(config);

        assertEquals("newsmon-processor", p.get(StreamsConfig.APPLICATION_ID_CONFIG));
        assertEquals("broker-a:9092", p.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG));
        assertEquals(StreamsConfig.EXACTLY_ONCE_V2, p.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
        assertEquals(Path.of("/var/lib/newsmon/streams/newsmon-processor").toString(),
                p.get(StreamsConfig.STATE_DIR_CONFIG));
        assertEquals(3, p.get(StreamsConfig.NUM_STREAM_THREADS_CONFIG));
        assertEquals(LogAndContinueExceptionHandler.class,
                p.get(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG));
        assertEquals(Topics.DLQ, p.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG));
        assertEquals("250", p.get("commit.interval.ms"));
        assertEquals(BoundedRocksDb.class, p.get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG));
        assertEquals(String.valueOf(128L << 20), p.get(BoundedRocksDb.CACHE_BYTES));
        assertEquals(String.valueOf(64L << 20), p.get(BoundedRocksDb.WRITE_BUFFER_BYTES));
        assertEquals(10_000, p.get(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), "a dead instance's tasks move in 10 s");
        assertEquals(200, p.get("main.consumer.max.poll.records"), "a thread polls the next hop's records soon");
        assertEquals(50, p.get("main.consumer.fetch.max.wait.ms"));
        assertEquals(5, p.get("producer.linger.ms"), "records leave before the commit's flush");
    }

    @Test
    void zeroThreadsMeansOnePerCore() {
        Properties p = NewsTopology.streamsProperties(NewsmonConfig.defaults().withKnown(Map.of(
                "processor.threads", "0")));

        assertEquals(Runtime.getRuntime().availableProcessors(), p.get(StreamsConfig.NUM_STREAM_THREADS_CONFIG));
    }

    @Test
    void kafkaSettingsOverrideTheLatencyTuning() {
        NewsmonConfig config = NewsmonConfig.defaults().withKnown(Map.of(
                "kafka.main.consumer.max.poll.records", "1000", "kafka.producer.linger.ms", "100"));

        Properties p = NewsTopology.streamsProperties(config);

        assertEquals("1000", p.get("main.consumer.max.poll.records"));
        assertEquals("100", p.get("producer.linger.ms"));
    }

    @Test
    void kafkaSettingsOverrideTheShortSession() {
        NewsmonConfig config = NewsmonConfig.defaults().withKnown(Map.of("kafka.session.timeout.ms", "30000"));
        assertEquals("30000", NewsTopology.streamsProperties(config).get(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG));
    }
}
