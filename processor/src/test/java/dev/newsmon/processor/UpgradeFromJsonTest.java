package dev.newsmon.processor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import dev.newsmon.common.json.Json;
import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.model.Alert;
import dev.newsmon.common.model.FeedItem;
import dev.newsmon.processor.dedup.Boilerplate;
import dev.newsmon.processor.dedup.Fingerprint;
import dev.newsmon.processor.dedup.Fingerprinter;
import dev.newsmon.processor.normalize.Normalizer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An upgrade from the JSON version: the band probes and answers it left in flight, one per band and in JSON, are
 * processed by the binary, grouped topology, and later items still find the items those probes stored.
 */
class UpgradeFromJsonTest {
    private static final Instant T0 = Instant.parse("2026-03-03T08:00:00Z");
    private static final ObjectMapper JSON = Json.mapper();

    @TempDir
    Path dataDir;

    private static TaggedItem tagged(FeedItem item) {
        return new TaggedItem(Normalizer.normalize(item), new KeywordTagger().tag(Normalizer.normalize(item)));
    }

    private static Fingerprint fingerprint(TaggedItem t) {
        return new Fingerprinter(Boilerplate.builtIn()).fingerprint(t.item().itemId(), t.item().title(),
                t.item().text());
    }

    private static ObjectNode order(TaggedItem t) {
        return JSON.createObjectNode().put("event_millis", t.item().eventTime().toEpochMilli())
                .put("item_id", t.item().itemId());
    }

    /** The JSON version's probe of one band: the first band's carries the item and its shingles. */
    private static byte[] probeV0(TaggedItem t, Fingerprint fp, int band) throws Exception {
        ObjectNode probe = JSON.createObjectNode().put("band_key", fp.bandKeys().get(band));
        probe.set("order", order(t));
        probe.set("band_keys", JSON.valueToTree(fp.bandKeys()));
        probe.set("tagged", band == 0 ? JSON.valueToTree(t) : null);
        probe.set("shingles", band == 0 ? JSON.valueToTree(fp.shingles()) : null);
        return JSON.writeValueAsBytes(probe);
    }

    /** The JSON version's answer of one band that found nothing. */
    private static byte[] answerV0(TaggedItem t, Fingerprint fp, int band) throws Exception {
        String key = fp.bandKeys().get(band);
        ObjectNode answer = JSON.createObjectNode().put("type", "band_answer");
        answer.set("order", order(t));
        answer.put("band_key", key).put("band_index", Fingerprint.bandIndex(key))
                .put("total_bands", fp.bandKeys().size());
        answer.set("candidates", JSON.createArrayNode());
        answer.set("tagged", band == 0 ? JSON.valueToTree(t) : null);
        answer.set("shingles", band == 0 ? JSON.valueToTree(fp.shingles()) : null);
        return JSON.writeValueAsBytes(answer);
    }

    @Test
    void probesAndAnswersLeftInFlightAsJsonAreDecidedAndFound() throws Exception {
        NewsmonConfig config = TopologyDrivers.config(dataDir, Map.of());
        TaggedItem original = tagged(Articles.item("orig", "harbor-point-herald", Articles.TITLE,
                Articles.ORIGINAL_TEXT, T0));
        TaggedItem independent = tagged(Articles.item("indep", "meridian-post", Articles.INDEPENDENT_TITLE,
                Articles.INDEPENDENT_TEXT, T0.plusSeconds(30)));
        FeedItem copy = Articles.item("copy", "orbital-wire", Articles.TITLE + " | Orbital Wire", Articles.WIRE_TEXT,
                T0.plusSeconds(600));
        Fingerprint originalFp = fingerprint(original);
        Fingerprint independentFp = fingerprint(independent);

        try (TopologyTestDriver driver = TopologyDrivers.driver(config, new KeywordTagger(), T0)) {
            TestInputTopic<String, byte[]> bands = driver.createInputTopic(config.get(Settings.PROCESSOR_APP_ID)
                    + "-" + ProcessorNames.BANDS_REPARTITION + "-repartition", new StringSerializer(),
                    new ByteArraySerializer());
            TestInputTopic<String, byte[]> resolve = driver.createInputTopic(ProcessorNames.resolveTopic(config),
                    new StringSerializer(), new ByteArraySerializer());
            for (int b = 0; b < originalFp.bandKeys().size(); b++) {
                bands.pipeInput(originalFp.bandKeys().get(b), probeV0(original, originalFp, b), T0);
            }
            for (int b = independentFp.bandKeys().size() - 1; b >= 0; b--) {
                resolve.pipeInput("indep", answerV0(independent, independentFp, b), T0.plusSeconds(30));
            }
            driver.createInputTopic(Topics.ITEMS, new StringSerializer(), JsonSerde.of(FeedItem.class).serializer())
                    .pipeInput("copy", copy, T0.plusSeconds(600));

            Map<String, Alert> alerts = driver.createOutputTopic(Topics.ALERTS, new StringDeserializer(),
                            JsonSerde.of(Alert.class).deserializer()).readValuesToList().stream()
                    .collect(Collectors.toMap(Alert::itemId, a -> a));
            assertEquals(List.of("copy", "indep", "orig"), alerts.keySet().stream().sorted().toList());
            assertEquals(Alert.Kind.STORY, alerts.get("orig").kind());
            assertEquals(original.tags().tags(), alerts.get("orig").tags());
            assertEquals(Alert.Kind.STORY, alerts.get("indep").kind());
            assertEquals(Alert.Kind.COPY, alerts.get("copy").kind());
            assertEquals(alerts.get("orig").storyId(), alerts.get("copy").storyId());
            assertEquals("orig", alerts.get("copy").copyOf());
        }
    }
}
