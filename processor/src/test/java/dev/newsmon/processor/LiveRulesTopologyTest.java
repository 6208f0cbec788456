package dev.newsmon.processor;

import dev.newsmon.common.Topics;
import dev.newsmon.common.json.Json;
import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.model.Alert;
import dev.newsmon.common.model.FeedItem;
import dev.newsmon.processor.tagging.LiveTagger;
import dev.newsmon.processor.tagging.RulesMessage;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.newsmon.processor.Articles.GAS_TEXT;
import static dev.newsmon.processor.Articles.GAS_TITLE;
import static dev.newsmon.processor.Articles.ORIGINAL_TEXT;
import static dev.newsmon.processor.Articles.TITLE;
import static dev.newsmon.processor.Articles.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rules published to news.rules replace the file's rules for the next item, in the topology itself. */
class LiveRulesTopologyTest {
    private static final Instant T0 = Instant.parse("2026-03-03T08:00:00Z");
    private static final String GAS_RULES = """
            version: live-gas-1
            tags:
              fuel:
                queries:
                  - name: gas-station
                    query: '"gas station"'
            """;

    @TempDir
    Path dataDir;

    private LiveTagger live;
    private TopologyTestDriver driver;
    private TestInputTopic<String, FeedItem> items;
    private TestInputTopic<String, String> rules;
    private TestOutputTopic<String, Alert> alerts;

    @BeforeEach
    void setUp() {
        live = new LiveTagger(new KeywordTagger());
        driver = TopologyDrivers.driver(TopologyDrivers.config(dataDir, Map.of()), live, T0);
        items = driver.createInputTopic(Topics.ITEMS, new StringSerializer(),
                JsonSerde.of(FeedItem.class).serializer());
        rules = driver.createInputTopic(Topics.RULES, new StringSerializer(), new StringSerializer());
        alerts = driver.createOutputTopic(Topics.ALERTS, new StringDeserializer(),
                JsonSerde.of(Alert.class).deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    private void send(String id, String title, String text) {
        items.pipeInput(id, item(id, "harbor-point-herald", title, text, T0), T0);
    }

    private void push(String yaml, String version) throws Exception {
        rules.pipeInput(RulesMessage.KEY, Json.mapper().writeValueAsString(new RulesMessage(version, yaml)));
    }

    @Test
    void theNextItemIsTaggedByPublishedRulesAndTheFileRulesReturnWhenTheyAreDeleted() throws Exception {
        send("gas-before", GAS_TITLE, GAS_TEXT);
        assertTrue(alerts.isEmpty(), "the file rules do not tag a gas station");

        push(GAS_RULES, "live-gas-1");
        send("gas-after", GAS_TITLE, GAS_TEXT);
        Alert alert = alerts.readValue();
        assertEquals("gas-after", alert.itemId());
        assertEquals(List.of("fuel"), alert.tags());
        assertEquals("live-gas-1", alert.rulesVersion());
        assertEquals("gas-station", alert.matches().get("fuel").get(0).query());

        rules.pipeInput(RulesMessage.KEY, (String) null);
        send("iss", TITLE, ORIGINAL_TEXT);
        Alert back = alerts.readValue();
        assertEquals(KeywordTagger.RULES_VERSION, back.rulesVersion());
        assertEquals(1, live.built(), "one tagger per version");
    }

    @Test
    void rulesThatDoNotLoadAreIgnoredAndTheRulesInForceStay() throws Exception {
        push(GAS_RULES, "live-gas-1");
        push(GAS_RULES.replace("live-gas-1", "live-gas-2").replace("'\"gas station\"'", "'(gas AND'"),
                "live-gas-2");
        rules.pipeInput(RulesMessage.KEY, "not json");
        send("gas", GAS_TITLE, GAS_TEXT);

        assertEquals("live-gas-1", alerts.readValue().rulesVersion());
        assertEquals(2, live.rejected());
    }

    @Test
    void aRecordWithTheVersionInForceIsNotRebuilt() throws Exception {
        push(GAS_RULES, "live-gas-1");
        push(GAS_RULES + "\n# a comment\n", "live-gas-1");
        send("gas", GAS_TITLE, GAS_TEXT);

        assertEquals("live-gas-1", alerts.readValue().rulesVersion());
        assertEquals(1, live.built());
    }
}
