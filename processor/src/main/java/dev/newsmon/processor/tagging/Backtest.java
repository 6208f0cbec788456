package dev.newsmon.processor.tagging;

import dev.newsmon.common.model.FeedItem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs rules over archived items, as {@code newsmon rules test} does: how many items each tag gets, with sample
 * titles, and against labels, the true and false positives and negatives per tag, overall and per language
 * ({@link ItemLanguage}), and when the labels name stories, a 95% interval for each tag's F1 ({@link
 * StoryBootstrap}). Feed it items one by one with {@link #add}, then take the {@link #report()}. Not thread-safe.
 */
public final class Backtest {
    /** How many titles each tag keeps as samples. */
    public static final int SAMPLES = 3;

    private final Tagger tagger;
    private final Labels labels;
    private final List<String> tags;
    private final Map<String, Tally> tallies;
    /** The same tallies, per language in the order first met, with the items read in each. */
    private final Map<String, Map<String, Tally>> byLanguage = new LinkedHashMap<>();
    private final Map<String, Integer> languageItems = new LinkedHashMap<>();
    /** Labelled items per category, in the order first met. */
    private final Map<String, Integer> categories = new LinkedHashMap<>();
    /** Per story of the labels, in the order first met, each tag's true positives, false positives, negatives. */
    private final Map<String, Map<String, int[]>> stories = new LinkedHashMap<>();
    private String rulesVersion = "";
    private int items;
    private int labelled;

    /** One listed item: the title, where it is, its label's category, and what the rules found on it. */
    public record Example(String title, String url, String category, TagResult result) {
    }

    private static final class Tally {
        int tagged;
        int truePositives;
        final List<String> samples = new ArrayList<>();
        final List<Example> falsePositives = new ArrayList<>();
        final List<Example> falseNegatives = new ArrayList<>();
    }

    /**
     * @param tagger the tagger to test, the same one the processor would run
     * @param tags   the tags to report, in order (a rules file's tags); tags the labels name are added after them
     * @param labels expected tags, or {@code null} to count only
     */
    public Backtest(Tagger tagger, List<String> tags, Labels labels) {
        this.tagger = tagger;
        this.labels = labels;
        Set<String> all = new LinkedHashSet<>(tags);
        if (labels != null) {
            all.addAll(labels.tags());
        }
        this.tags = List.copyOf(all);
        this.tallies = newTallies();
    }

    private Map<String, Tally> newTallies() {
        Map<String, Tally> t = new LinkedHashMap<>();
        tags.forEach(tag -> t.put(tag, new Tally()));
        return t;
    }

    /** Tests the rules of a rules file, with or without labels. */
    public static Backtest of(RuleTagger tagger, Labels labels) {
        return new Backtest(tagger, tagger.rules().tags().stream().map(TagRule::name).toList(), labels);
    }

    public void add(FeedItem item) {
        TagResult result = tagger.tag(item);
        rulesVersion = result.rulesVersion();
        items++;
        String category = labels == null ? Labels.UNCATEGORISED : labels.category(item.url());
        Example example = new Example(item.title(), item.url(), category, result);
        String language = ItemLanguage.of(item);
        languageItems.merge(language, 1, Integer::sum);
        Set<String> expected = labels == null ? null : labels.expected(item.url()).orElse(null);
        if (expected != null) {
            labelled++;
            categories.merge(category, 1, Integer::sum);
        }
        count(tallies, example, expected);
        if (expected != null && labels.hasStories()) {
            // An item whose label names no story is a story of its own.
            countStory(labels.story(item.url()).orElse(item.url()), result, expected);
        }
        count(byLanguage.computeIfAbsent(language, k -> newTallies()), example, expected);
    }

    /** @param expected the item's labelled tags, null when it has no label */
    private static void count(Map<String, Tally> tallies, Example example, Set<String> expected) {
        TagResult result = example.result();
        for (String tag : result.tags()) {
            Tally t = tallies.computeIfAbsent(tag, k -> new Tally());
            t.tagged++;
            if (t.samples.size() < SAMPLES) {
                t.samples.add(example.title());
            }
        }
        if (expected == null) {
            return;
        }
        tallies.forEach((tag, t) -> {
            boolean predicted = result.tags().contains(tag);
            boolean wanted = expected.contains(tag);
            if (predicted && wanted) {
                t.truePositives++;
            } else if (predicted) {
                t.falsePositives.add(example);
            } else if (wanted) {
                t.falseNegatives.add(example);
            }
        });
    }

    private void countStory(String story, TagResult result, Set<String> expected) {
        Map<String, int[]> counts = stories.computeIfAbsent(story, k -> new LinkedHashMap<>());
        for (String tag : tags) {
            int[] c = counts.computeIfAbsent(tag, k -> new int[3]);
            boolean predicted = result.tags().contains(tag);
            boolean wanted = expected.contains(tag);
            if (predicted || wanted) {
                c[predicted && wanted ? 0 : predicted ? 1 : 2]++;
            }
        }
    }

    public int items() {
        return items;
    }

    public BacktestReport report() {
        Map<String, BacktestReport.Language> languages = new LinkedHashMap<>();
        byLanguage.forEach((language, t) -> languages.put(language,
                new BacktestReport.Language(languageItems.get(language), stats(t))));
        return new BacktestReport(rulesVersion, items, labels == null ? -1 : labelled, categories, stats(tallies),
                languages, intervals());
    }

    /** Each tag's F1 interval over the labelled stories; empty when the labels name no story. */
    private Map<String, StoryBootstrap.Interval> intervals() {
        Map<String, StoryBootstrap.Interval> intervals = new LinkedHashMap<>();
        if (stories.isEmpty()) {
            return intervals;
        }
        for (String tag : tags) {
            List<StoryBootstrap.Counts> counts = new ArrayList<>();
            stories.values().forEach(byTag -> {
                int[] c = byTag.getOrDefault(tag, new int[3]);
                counts.add(new StoryBootstrap.Counts(c[0], c[1], c[2]));
            });
            intervals.put(tag, StoryBootstrap.f1(counts));
        }
        return intervals;
    }

    private static List<BacktestReport.TagStats> stats(Map<String, Tally> tallies) {
        List<BacktestReport.TagStats> stats = new ArrayList<>();
        tallies.forEach((tag, t) -> stats.add(new BacktestReport.TagStats(tag, t.tagged, t.samples,
                t.truePositives, t.falsePositives, t.falseNegatives)));
        return stats;
    }
}
