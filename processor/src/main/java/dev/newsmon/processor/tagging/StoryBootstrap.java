package dev.newsmon.processor.tagging;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A 95% confidence interval for a tag's F1 by the bootstrap over stories: the labelled stories are drawn with
 * replacement as many times as there are stories, F1 is recomputed on each draw, and the interval runs from the
 * 2.5th to the 97.5th percentile of {@value #RESAMPLES} draws. Stories, not items, are drawn because a story's
 * copies are tagged alike: drawing them one by one would count one decision several times and make the interval
 * too narrow. The seed is fixed, so the same labels and rules always print the same interval.
 */
public final class StoryBootstrap {
    static final int RESAMPLES = 2_000;
    private static final long SEED = 20261207L;
    private static final double LOWER = 0.025;
    private static final double UPPER = 0.975;

    private StoryBootstrap() {
    }

    /** One story's true positives, false positives and false negatives for one tag. */
    public record Counts(int truePositives, int falsePositives, int falseNegatives) {
    }

    /**
     * @param lower the 2.5th percentile of F1 over the draws
     * @param upper the 97.5th percentile
     */
    public record Interval(double lower, double upper) {
    }

    /**
     * @param stories each story's counts for one tag
     * @return the interval; NaN bounds when no draw has F1 defined (no story has a positive, labelled or tagged)
     */
    public static Interval f1(List<Counts> stories) {
        return f1(stories, RESAMPLES, SEED);
    }

    static Interval f1(List<Counts> stories, int resamples, long seed) {
        if (stories.isEmpty()) {
            return new Interval(Double.NaN, Double.NaN);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] f1s = new double[resamples];
        int defined = 0;
        for (int r = 0; r < resamples; r++) {
            long tp = 0;
            long fp = 0;
            long fn = 0;
            for (int i = 0; i < stories.size(); i++) {
                Counts c = stories.get(random.nextInt(stories.size()));
                tp += c.truePositives();
                fp += c.falsePositives();
                fn += c.falseNegatives();
            }
            // A draw with nothing labelled and nothing tagged has no F1: it says nothing either way.
            if (2 * tp + fp + fn > 0) {
                f1s[defined++] = 2.0 * tp / (2.0 * tp + fp + fn);
            }
        }
        if (defined == 0) {
            return new Interval(Double.NaN, Double.NaN);
        }
        double[] sorted = Arrays.copyOf(f1s, defined);
        Arrays.sort(sorted);
        return new Interval(percentile(sorted, LOWER), percentile(sorted, UPPER));
    }

    /** The nearest-rank percentile of sorted values. */
    private static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
