package dev.newsmon.processor.tagging;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link Backtest} found.
 *
 * @param rulesVersion version of the rules tested ("" when no item was read)
 * @param items        items read
 * @param labelled     items that had a label; -1 when the test ran without labels
 * @param categories   labelled items per label category, in the order first met
 * @param tags         per tag, in report order
 * @param languages    the same per language ({@link ItemLanguage}), in the order first met
 * @param f1Intervals  per tag, the 95% interval of its F1 by the bootstrap over the labels' stories; empty when the
 *                     labels name no story
 */
public record BacktestReport(String rulesVersion, int items, int labelled, Map<String, Integer> categories,
                             List<TagStats> tags, Map<String, Language> languages,
                             Map<String, StoryBootstrap.Interval> f1Intervals) {
    public BacktestReport {
        categories = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(categories));
        tags = List.copyOf(tags);
        languages = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(languages));
        f1Intervals = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(f1Intervals));
    }

    /** The items of one language and each tag's figures on them. */
    public record Language(int items, List<TagStats> tags) {
        public Language {
            tags = List.copyOf(tags);
        }
    }

    public boolean withLabels() {
        return labelled >= 0;
    }

    public Optional<TagStats> tag(String name) {
        return tags.stream().filter(t -> t.tag().equals(name)).findFirst();
    }

    /**
     * One tag's figures. Precision, recall and F1 are over labelled items only; each is NaN when undefined
     * (nothing predicted, nothing expected).
     */
    public record TagStats(String tag, int tagged, List<String> samples, int truePositives,
                           List<Backtest.Example> falsePositives, List<Backtest.Example> falseNegatives) {
        public TagStats {
            samples = List.copyOf(samples);
            falsePositives = List.copyOf(falsePositives);
            falseNegatives = List.copyOf(falseNegatives);
        }

        public double precision() {
            return ratio(truePositives, truePositives + falsePositives.size());
        }

        public double recall() {
            return ratio(truePositives, truePositives + falseNegatives.size());
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        /** False positives among the labelled items of one category. */
        public long falsePositives(String category) {
            return falsePositives.stream().filter(e -> e.category().equals(category)).count();
        }

        /** False negatives among the labelled items of one category. */
        public long falseNegatives(String category) {
            return falseNegatives.stream().filter(e -> e.category().equals(category)).count();
        }

        private static double ratio(int part, int whole) {
            return whole == 0 ? Double.NaN : (double) part / whole;
        }
    }
}
