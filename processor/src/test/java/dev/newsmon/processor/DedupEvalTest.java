package dev.newsmon.processor;

import dev.newsmon.common.Topics;
import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.model.Alert;
import dev.newsmon.common.model.FeedItem;
import dev.newsmon.processor.eval.AllTagger;
import dev.newsmon.processor.eval.EvalSet;
import dev.newsmon.processor.eval.PairwiseScore;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Clustering quality on the labelled evaluation set, through the real topology. */
class DedupEvalTest {
    private static final Logger LOG = LoggerFactory.getLogger(DedupEvalTest.class);

    @TempDir
    Path dataDir;

    @Test
    void evaluationSetHasTheRequiredShape() {
        List<EvalSet.Story> stories = EvalSet.stories();
        assertTrue(stories.size() >= 40, "stories: " + stories.size());
        assertTrue(stories.stream().allMatch(s -> s.variants().size() >= 1 && s.variants().size() <= 4));
        Map<String, Long> perEvent = stories.stream()
                .collect(Collectors.groupingBy(EvalSet.Story::event, Collectors.counting()));
        long sameEventPairs = perEvent.values().stream().mapToLong(n -> n * (n - 1) / 2).sum();
        assertTrue(sameEventPairs >= 15, "distinct stories about one event: " + sameEventPairs + " pairs");
        Set<String> kinds = stories.stream().flatMap(s -> s.variants().stream())
                .flatMap(v -> List.of(v.split("\\+")).stream()).collect(Collectors.toSet());
        assertTrue(kinds.containsAll(Set.of("suffix", "dateline", "footer", "truncate", "drop", "retitle",
                "standfirst", "edit")), "kinds " + kinds);
        // Newsletters carry a story first (after their greeting), in the middle, and second.
        Set<Integer> positions = EvalSet.newsletters().stream()
                .map(n -> n.items().stream().map(EvalSet.NewsletterItem::story).toList())
                .map(carried -> carried.indexOf(carried.stream().filter(Objects::nonNull).findFirst().orElseThrow()))
                .collect(Collectors.toSet());
        assertTrue(positions.containsAll(Set.of(0, 1, 2)), "story positions in newsletters " + positions);
    }

    @Test
    void clusteringReachesF1WithoutMergingDistinctStories() {
        List<EvalSet.Labelled> items = EvalSet.items();
        Map<String, String> truth = new HashMap<>();
        Map<String, String> predicted = new HashMap<>();
        try (TopologyTestDriver driver = TopologyDrivers.driver(TopologyDrivers.config(dataDir, Map.of()),
                new AllTagger(), Instant.parse("2026-05-04T06:00:00Z"))) {
            TestInputTopic<String, FeedItem> in = driver.createInputTopic(Topics.ITEMS, new StringSerializer(),
                    JsonSerde.of(FeedItem.class).serializer());
            TestOutputTopic<String, Alert> out = driver.createOutputTopic(Topics.ALERTS, new StringDeserializer(),
                    JsonSerde.of(Alert.class).deserializer());
            for (EvalSet.Labelled l : items) {
                in.pipeInput(l.item().itemId(), l.item(), l.recordTime());
                truth.put(l.item().itemId(), l.storyLabel());
            }
            for (Alert a : out.readValuesToList()) {
                predicted.put(a.itemId(), a.storyId());
            }
        }
        assertEquals(truth.keySet(), predicted.keySet(), "one alert per item");

        PairwiseScore score = PairwiseScore.of(truth, predicted);
        LOG.info("dedup evaluation items={} stories={} {}", items.size(), Set.copyOf(truth.values()).size(), score);
        assertEquals(List.of(), score.falseMerges(), "distinct stories merged");
        assertTrue(score.f1() >= 0.95, score::toString);
    }
}
