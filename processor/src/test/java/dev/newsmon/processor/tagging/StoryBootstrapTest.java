package dev.newsmon.processor.tagging;

import dev.newsmon.common.model.FeedItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoryBootstrapTest {
    private static final String TAG = "space-station";

    /** Stories of a tag with some of every kind of outcome: 30 right, 4 missed, 3 wrongly tagged, 20 negatives. */
    private static List<StoryBootstrap.Counts> mixed() {
        List<StoryBootstrap.Counts> stories = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            stories.add(new StoryBootstrap.Counts(i % 5 == 0 ? 2 : 1, 0, 0));
        }
        for (int i = 0; i < 4; i++) {
            stories.add(new StoryBootstrap.Counts(0, 0, 1));
        }
        for (int i = 0; i < 3; i++) {
            stories.add(new StoryBootstrap.Counts(0, 1, 0));
        }
        for (int i = 0; i < 20; i++) {
            stories.add(new StoryBootstrap.Counts(0, 0, 0));
        }
        return stories;
    }

    @Test
    void theIntervalContainsThePointEstimate() {
        List<StoryBootstrap.Counts> stories = mixed();
        int tp = stories.stream().mapToInt(StoryBootstrap.Counts::truePositives).sum();
        int fp = stories.stream().mapToInt(StoryBootstrap.Counts::falsePositives).sum();
        int fn = stories.stream().mapToInt(StoryBootstrap.Counts::falseNegatives).sum();
        double f1 = 2.0 * tp / (2.0 * tp + fp + fn);

        StoryBootstrap.Interval interval = StoryBootstrap.f1(stories);

        assertTrue(interval.lower() <= f1 && f1 <= interval.upper(), interval + " around " + f1);
        assertTrue(interval.lower() < interval.upper(), "errors make the interval wider than a point: " + interval);
        assertTrue(interval.upper() <= 1.0 && interval.lower() > 0.5, interval.toString());
    }

    @Test
    void aPerfectSetGivesOneToOne() {
        List<StoryBootstrap.Counts> stories = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            stories.add(new StoryBootstrap.Counts(i % 3, 0, 0));
        }

        assertEquals(new StoryBootstrap.Interval(1.0, 1.0), StoryBootstrap.f1(stories));
    }

    @Test
    void theSameStoriesGiveTheSameInterval() {
        assertEquals(StoryBootstrap.f1(mixed()), StoryBootstrap.f1(mixed()));
    }

    @Test
    void noPositiveAnywhereHasNoInterval() {
        StoryBootstrap.Interval interval = StoryBootstrap.f1(List.of(new StoryBootstrap.Counts(0, 0, 0)));

        assertTrue(Double.isNaN(interval.lower()) && Double.isNaN(interval.upper()), interval.toString());
    }

    /** rules test prints the interval as a column of the per-tag table when the labels name stories. */
    @Test
    void labelsWithStoriesAddTheIntervalColumn(@TempDir Path dir) throws IOException {
        Path labels = dir.resolve("labels.jsonl");
        Files.writeString(labels, """
                {"url": "https://bootstrap.example/a", "tags": ["space-station"], "story": "s1"}
                {"url": "https://bootstrap.example/a-copy", "tags": ["space-station"], "story": "s1"}
                {"url": "https://bootstrap.example/b", "tags": ["space-station"], "story": "s2"}
                {"url": "https://bootstrap.example/c", "tags": [], "story": "s3"}
                """);
        Tagger everything = item -> new TagResult(List.of(TAG), Map.of(), Map.of(), "v1");
        Backtest backtest = new Backtest(everything, List.of(TAG), Labels.read(labels));
        for (String id : List.of("a", "a-copy", "b", "c")) {
            backtest.add(new FeedItem(FeedItem.SCHEMA_VERSION, id, null, "https://bootstrap.example/feed.xml",
                    "Bootstrap", "https://bootstrap.example/" + id, "Station " + id, "Text.", null, Instant.EPOCH));
        }

        String text = BacktestFormat.render(backtest.report());

        assertTrue(text.contains("| tag | TP | FP | FN | precision | recall | F1 | F1 95% interval |"), text);
        // 3 of 4 right; a draw without s3, the story of the false positive, scores 1.
        assertTrue(text.matches("(?s).*\\| space-station \\| 3 \\| 1 \\| 0 \\| 0\\.750 \\| 1\\.000 \\| 0\\.857 "
                + "\\| 0\\.[0-9]{3}-1\\.000 \\|\n.*"), text);
        assertTrue(text.contains("F1 95% interval: bootstrap over the labels' stories (2000 draws"), text);
    }

    @Test
    void labelsWithoutStoriesKeepTheTableAsItWas() {
        Tagger nothing = item -> TagResult.untagged("v1");
        Backtest backtest = new Backtest(nothing, List.of(TAG), Labels.of(Map.of()));

        assertTrue(BacktestFormat.render(backtest.report())
                .contains("| tag | TP | FP | FN | precision | recall | F1 |\n"));
    }
}
