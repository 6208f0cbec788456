package dev.newsmon.processor;

import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.model.Alert;
import dev.newsmon.common.model.FeedItem;
import dev.newsmon.processor.dedup.BandAnswer;
import dev.newsmon.processor.dedup.DedupSerdes;
import dev.newsmon.processor.dedup.ResolveMessage;
import dev.newsmon.processor.eval.EvalSet;
import dev.newsmon.processor.tagging.RuleTagger;
import dev.newsmon.processor.tagging.TagResult;
import dev.newsmon.processor.tagging.Tagger;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Messages and bytes per tagged item on the dedup stage's internal topics and changelogs, over the evaluation set:
 * the probes and answers of an item are bounded by the partitions, not by its 26 bands.
 */
class DedupTrafficTest {
    @TempDir
    Path dataDir;

    /** Real tags where the shipped rules apply, else a tag of its own, so that every item enters dedup. */
    static final class RulesOrAll implements Tagger {
        private final Tagger rules;

        RulesOrAll() throws Exception {
            rules = RuleTagger.load(Path.of("../config/rules.yaml"));
        }

        @Override
        public TagResult tag(FeedItem item) {
            TagResult r = rules.tag(item);
            return r.tagged() ? r : new TagResult(List.of("all"), r.matches(), r.relevance(), r.rulesVersion());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 6})
    void messagesPerTaggedItem(int partitions) throws Exception {
        NewsmonConfig config = TopologyDrivers.config(dataDir,
                Map.of(Settings.TOPIC_PARTITIONS.key(), String.valueOf(partitions)));
        String repartition = config.get(Settings.PROCESSOR_APP_ID) + "-" + ProcessorNames.BANDS_REPARTITION
                + "-repartition";
        String resolve = ProcessorNames.resolveTopic(config);
        List<EvalSet.Labelled> items = EvalSet.items();
        Map<String, long[]> byKind = new TreeMap<>();
        Map<String, Integer> probesPerItem = new HashMap<>();
        Map<String, Integer> answersPerItem = new HashMap<>();
        int alerts;
        try (TopologyTestDriver driver = TopologyDrivers.driver(config, new RulesOrAll(),
                Instant.parse("2026-05-04T06:00:00Z"))) {
            TestInputTopic<String, FeedItem> in = driver.createInputTopic(Topics.ITEMS, new StringSerializer(),
                    JsonSerde.of(FeedItem.class).serializer());
            for (EvalSet.Labelled l : items) {
                in.pipeInput(l.item().itemId(), l.item(), l.recordTime());
            }
            alerts = driver.createOutputTopic(Topics.ALERTS, new StringDeserializer(),
                    JsonSerde.of(Alert.class).deserializer()).readValuesToList().size();
            for (TestRecord<byte[], byte[]> r : driver.createOutputTopic(repartition, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer()).readRecordsToList()) {
                count(byKind, "probe", r);
                probesPerItem.merge(new String(r.key(), StandardCharsets.UTF_8), 1, Integer::sum);
            }
            for (String topic : driver.producedTopicNames()) {
                if (topic.endsWith("-changelog")) {
                    Set<String> written = new HashSet<>();
                    for (TestRecord<byte[], byte[]> r : driver.createOutputTopic(topic, new ByteArrayDeserializer(),
                            new ByteArrayDeserializer()).readRecordsToList()) {
                        count(byKind, "~" + topic.substring(topic.indexOf("dedup-")), r);
                        String key = new String(r.key(), StandardCharsets.UTF_8);
                        if (r.value() != null) {
                            written.add(key);
                        } else if (topic.endsWith(ProcessorNames.LOOKUP_STORE + "-changelog")) {
                            assertTrue(written.remove(key), "a tombstone only for a key that had waiters: " + key);
                        }
                    }
                }
            }
            var resolveSerde = DedupSerdes.resolveMessages();
            for (TestRecord<byte[], byte[]> r : driver.createOutputTopic(resolve, new ByteArrayDeserializer(),
                    new ByteArrayDeserializer()).readRecordsToList()) {
                ResolveMessage m = resolveSerde.read(r.value());
                count(byKind, m.getClass().getSimpleName(), r);
                if (m instanceof BandAnswer) {
                    answersPerItem.merge(m.routingKey(), 1, Integer::sum);
                }
            }
        }
        System.out.printf("[dedup-traffic] partitions=%d items=%d alerts=%d%n", partitions, items.size(), alerts);
        long messages = 0;
        long bytes = 0;
        for (Map.Entry<String, long[]> e : byKind.entrySet()) {
            long[] v = e.getValue();
            if (!e.getKey().startsWith("~")) {
                messages += v[0];
                bytes += v[1];
            }
            System.out.printf("[dedup-traffic]   %-14s %6d messages %5.2f per item, %9d bytes %7.0f per message %7.0f per item%n",
                    e.getKey(), v[0], (double) v[0] / alerts, v[1], (double) v[1] / v[0], (double) v[1] / alerts);
        }
        assertEquals(alerts, probesPerItem.size(), "every item probed");
        assertEquals(alerts, answersPerItem.size(), "every item answered");
        assertTrue(Collections.max(probesPerItem.values()) <= partitions, "probes per item " + probesPerItem);
        assertEquals(probesPerItem, answersPerItem, "one answer per probe");
        System.out.printf("[dedup-traffic]   %-14s %6d messages %5.2f per item, %9d bytes %7.0f per message %7.0f per item%n",
                "all messages", messages, (double) messages / alerts, bytes, (double) bytes / messages, (double) bytes / alerts);
    }

    private static void count(Map<String, long[]> byKind, String kind, TestRecord<byte[], byte[]> r) {
        long[] v = byKind.computeIfAbsent(kind, k -> new long[2]);
        v[0]++;
        v[1] += (r.key() == null ? 0 : r.key().length) + (r.value() == null ? 0 : r.value().length);
    }
}
