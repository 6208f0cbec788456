package dev.newsmon.processor.dedup;

import java.util.Arrays;

/**
 * How much of two texts is the same text, from their shingles in text order (see docs/dedup.md, "Exact
 * check").
 *
 * <p>A word is <em>covered</em> when one of the shingles it belongs to occurs in the other text. Counting covered
 * words rather than shared shingles makes a changed word cost that word, not the four shingles around it: a
 * copy-edited copy with a word changed every fifteen words keeps about 93% of its words covered but only about 75%
 * of its shingles, while two independent reports of one event still cover a few percent of each other.
 *
 * <p>The similarity is the coverage of the less covered text, so that what either side adds counts against the
 * pair: a newsletter covers all of the story it carries, but the story covers only a part of the newsletter. The
 * one exception is a truncation: when the shared text starts where the longer text starts, the longer text may go on
 * with anything (the rest of the original a copy cut short, or a full text of which the other is a summary), and
 * only the shorter text's coverage counts.
 *
 * @param shorterCoverage share of the shorter text's words covered by the longer
 * @param longerCoverage  share of the longer text's words covered by the shorter
 * @param truncation      the shared text starts within {@link #LEAD_SLACK_WORDS} words of the longer text's start
 */
public record Overlap(double shorterCoverage, double longerCoverage, boolean truncation) {
    /**
     * Words of the longer text that may precede the shared text in a truncation: a byline or a house-style dateline
     * that the boilerplate list does not know. A newsletter's greeting and item heading usually take more.
     */
    static final int LEAD_SLACK_WORDS = 8;

    /**
     * Symmetric, and computed from integers, so both items of a pair get the bit-identical value. Shingles stored by
     * versions that kept no positions are compared by plain containment of the smaller set, as those versions did.
     */
    public static Overlap of(Shingles a, Shingles b) {
        if (!a.ordered() || !b.ordered()) {
            double containment = a.containment(b);
            return new Overlap(containment, containment, true);
        }
        boolean aShorter = a.length() != b.length() ? a.length() < b.length()
                : Arrays.compare(a.sequence(), b.sequence()) <= 0;
        Shingles shorter = aShorter ? a : b;
        Shingles longer = aShorter ? b : a;
        Coverage ofShorter = Coverage.of(shorter, longer);
        Coverage ofLonger = Coverage.of(longer, shorter);
        return new Overlap(ofShorter.share(), ofLonger.share(),
                ofLonger.firstCovered() >= 0 && ofLonger.firstCovered() <= LEAD_SLACK_WORDS);
    }

    /** The measure the threshold applies to. */
    public double similarity() {
        return truncation ? shorterCoverage : Math.min(shorterCoverage, longerCoverage);
    }

    /**
     * @param share        covered words over all words of the text (a text of n shingles has n + 3 words)
     * @param firstCovered index of the first covered word, -1 if none
     */
    private record Coverage(double share, int firstCovered) {
        static Coverage of(Shingles text, Shingles other) {
            long[] sequence = text.sequence();
            int covered = 0;
            int coveredUpTo = 0;
            int first = -1;
            for (int i = 0; i < sequence.length; i++) {
                if (other.contains(sequence[i])) {
                    first = first < 0 ? i : first;
                    int end = i + Fingerprinter.SHINGLE_WORDS;
                    covered += end - Math.max(i, coveredUpTo);
                    coveredUpTo = end;
                }
            }
            int words = sequence.length == 0 ? 0 : sequence.length + Fingerprinter.SHINGLE_WORDS - 1;
            return new Coverage(words == 0 ? 0.0 : (double) covered / words, first);
        }
    }
}
