package dev.newsmon.processor.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.newsmon.common.Topics;
import dev.newsmon.common.json.Json;
import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.model.FeedItem;
import dev.newsmon.processor.TopologyDrivers;
import dev.newsmon.processor.normalize.Normalizer;
import dev.newsmon.processor.tagging.RuleTagger;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.newsmon.processor.Articles.ORIGINAL_TEXT;
import static dev.newsmon.processor.Articles.TITLE;
import static dev.newsmon.processor.Articles.WIRE_TEXT;
import static dev.newsmon.processor.Articles.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract of news.alerts as consumers see it: every message validates against the published JSON Schema
 * (schemas/ at the repository root), and carries the CloudEvents Kafka binding headers.
 */
class AlertContractTest {
    private static final Instant T0 = Instant.parse("2026-03-03T08:00:00Z");
    private static final Path SCHEMAS = Path.of("..", "schemas").toAbsolutePath().normalize();

    @TempDir
    Path dataDir;

    private TopologyTestDriver driver;
    private RuleTagger tagger;
    private TestInputTopic<String, FeedItem> items;
    private TestOutputTopic<String, byte[]> alerts;
    private TestOutputTopic<String, byte[]> stories;

    @BeforeEach
    void setUp() throws Exception {
        // The shipped rules, so that alerts carry real matches and relevance for the schema to check.
        tagger = RuleTagger.load(Path.of("..", "config", "rules.yaml"));
        driver = TopologyDrivers.driver(TopologyDrivers.config(dataDir, Map.of()), tagger, T0);
        items = driver.createInputTopic(Topics.ITEMS, new StringSerializer(), JsonSerde.of(FeedItem.class).serializer());
        alerts = driver.createOutputTopic(Topics.ALERTS, new StringDeserializer(), new ByteArrayDeserializer());
        stories = driver.createOutputTopic(Topics.STORIES, new StringDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    @Test
    void everyAlertValidatesAgainstTheAlertSchemaAndEveryItemAgainstTheItemSchema() throws Exception {
        JsonSchema alertSchema = schema("alert.schema.json");
        JsonSchema itemSchema = schema("feed-item.schema.json");
        List<FeedItem> sent = List.of(item("orig", "harbor-point-herald", TITLE, ORIGINAL_TEXT, T0),
                item("wire", "orbital-wire", TITLE + " | Orbital Wire", WIRE_TEXT, T0.plus(Duration.ofMinutes(20))));
        for (FeedItem i : sent) {
            assertValid(itemSchema, Json.mapper().valueToTree(i));
            items.pipeInput(i.itemId(), i, i.published());
        }
        List<TestRecord<String, byte[]>> out = alerts.readRecordsToList();
        assertEquals(2, out.size());
        for (TestRecord<String, byte[]> r : out) {
            assertValid(alertSchema, Json.mapper().readTree(r.value()));
        }
        assertEquals(Normalizer.normalize(sent.get(0)).text(), Json.mapper().readTree(out.get(0).value()).get("text")
                .asText(), "an alert carries its item's text, which its terms' offsets point into");
        JsonNode relevance = Json.mapper().readTree(out.get(0).value()).get("relevance");
        assertTrue(relevance != null && relevance.has("space-station"), "alerts carry their evidence: " + relevance);
        JsonNode broken = Json.mapper().readTree(out.get(0).value());
        ((ObjectNode) broken).put("kind", "rumour");
        assertTrue(!alertSchema.validate(broken).isEmpty(), "the schema refuses an unknown kind");

        JsonSchema clusterSchema = schema("story-cluster.schema.json");
        List<TestRecord<String, byte[]>> clusters = stories.readRecordsToList();
        assertEquals(2, clusters.size(), "one cluster update per alert of the story");
        for (TestRecord<String, byte[]> r : clusters) {
            assertValid(clusterSchema, Json.mapper().readTree(r.value()));
        }
        assertEquals(2, Json.mapper().readTree(clusters.get(1).value()).get("count").asInt());
    }

    @Test
    void everyFieldTheMessagesCarryIsDescribedByTheirSchema() throws Exception {
        FeedItem update = item("orig", "harbor-point-herald", TITLE, ORIGINAL_TEXT, T0).withRevision(1);
        assertDescribed("feed-item.schema.json", Json.mapper().valueToTree(update));
        items.pipeInput(update.itemId(), update, T0);
        Instant t1 = T0.plus(Duration.ofMinutes(20));
        items.pipeInput("wire", item("wire", "orbital-wire", TITLE + " | Orbital Wire", WIRE_TEXT, t1), t1);
        for (TestRecord<String, byte[]> r : alerts.readRecordsToList()) {
            assertDescribed("alert.schema.json", Json.mapper().readTree(r.value()));
        }
        for (TestRecord<String, byte[]> r : stories.readRecordsToList()) {
            assertDescribed("story-cluster.schema.json", Json.mapper().readTree(r.value()));
        }
    }

    @Test
    void alertsCarryTheCloudEventsKafkaBindingHeaders() {
        items.pipeInput("orig", item("orig", "harbor-point-herald", TITLE, ORIGINAL_TEXT, T0), T0);
        Instant t1 = T0.plus(Duration.ofMinutes(20));
        items.pipeInput("wire", item("wire", "orbital-wire", TITLE + " | Orbital Wire", WIRE_TEXT, t1), t1);

        List<TestRecord<String, byte[]>> out = alerts.readRecordsToList();
        assertEquals(2, out.size());
        Headers story = out.get(0).headers();
        assertEquals("1.0", header(story, "ce_specversion"));
        assertEquals("orig", header(story, "ce_id"));
        assertEquals("dev.newsmon.alert.story", header(story, "ce_type"));
        assertEquals("/newsmon/processor/newsmon-processor", header(story, "ce_source"));
        assertEquals("application/json", header(story, "content-type"));
        assertEquals(out.get(0).key(), header(story, "ce_subject"));
        Instant.parse(header(story, "ce_time"));
        Headers copy = out.get(1).headers();
        assertEquals("wire", header(copy, "ce_id"));
        assertEquals("dev.newsmon.alert.copy", header(copy, "ce_type"));
        for (String name : Set.of("ce_id", "ce_type", "ce_source", "ce_time", "ce_specversion", "content-type")) {
            assertEquals(1, Arrays.stream(copy.toArray()).filter(h -> h.key().equals(name)).count(),
                    "exactly one " + name + " header");
        }
    }

    private static JsonSchema schema(String file) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, b -> b.schemaMappers(
                        m -> m.mapPrefix("https://newsmon.dev/schemas/", SCHEMAS.toUri().toString())))
                .getSchema(SchemaLocation.of("https://newsmon.dev/schemas/" + file), config);
    }

    private static void assertValid(JsonSchema schema, JsonNode message) {
        Set<ValidationMessage> errors = schema.validate(message);
        assertTrue(errors.isEmpty(), () -> errors + " in " + message);
    }

    /** A field the schema does not list would be one that consumers read without a documented meaning. */
    private static void assertDescribed(String schemaFile, JsonNode message) throws Exception {
        JsonNode properties = Json.mapper().readTree(SCHEMAS.resolve(schemaFile).toFile()).get("properties");
        for (String field : (Iterable<String>) message::fieldNames) {
            assertTrue(properties.has(field), schemaFile + " does not describe '" + field + "' of " + message);
        }
    }

    private static String header(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
