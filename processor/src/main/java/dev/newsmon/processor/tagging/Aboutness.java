package dev.newsmon.processor.tagging;

import dev.newsmon.common.model.Evidence;
import dev.newsmon.common.model.TagRelevance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * How much a place of a match says about what an item is about, in the way media monitors grade a mention: the
 * headline names the subject, the lead introduces it, or the body keeps coming back to it. A single mention deep in
 * a story about something else is a passing mention.
 */
final class Aboutness {
    /** A match in the headline: the item is about it. */
    static final double TITLE = 1.0;
    /** A match in the title and lead together (the first {@value ItemFields#LEAD_WORDS} words of the text). */
    static final double LEAD = 0.8;
    /** A match in the body, with the tag's number of mentions; fewer mentions score in proportion. */
    static final double BODY = 0.6;

    private static final Comparator<Evidence> STRONGEST_FIRST = Comparator.comparingDouble(Evidence::score).reversed();

    private Aboutness() {
    }

    /**
     * @param place    the strongest place the query matched
     * @param mentions the query's mentions in the whole item
     */
    static double score(RuleQuery.Scope place, int mentions, int needed) {
        return switch (place) {
            case TITLE -> TITLE;
            case LEAD -> LEAD;
            case BODY -> BODY * Math.min(1.0, (double) mentions / Math.max(1, needed));
        };
    }

    /**
     * The tag's relevance from the evidence of its matching queries, with the decision in words. Besides each
     * query's own evidence, the mentions of all of them together count as body evidence: a story that names the
     * station once, calls it "the outpost" twice and describes the crew aboard is about it, though no single query
     * is mentioned three times.
     *
     * @param mentions the separate places mentioned by the tag's queries together
     */
    static TagRelevance relevance(TagRule tag, List<Evidence> evidence, int mentions) {
        List<Evidence> sorted = new ArrayList<>(evidence);
        sorted.sort(STRONGEST_FIRST);
        double best = sorted.isEmpty() ? 0 : sorted.get(0).score();
        double together = score(RuleQuery.Scope.BODY, mentions, tag.mentions());
        boolean byAll = sorted.size() > 1 && together > best;
        double score = Math.max(best, together);
        String found = sorted.isEmpty() ? "no query matched"
                : byAll ? "mentioned " + times(mentions) + " by " + String.join(", ",
                        sorted.stream().map(Evidence::query).toList())
                : describe(sorted.get(0));
        String reason;
        if (score >= tag.relevance() || sorted.isEmpty()) {
            reason = found;
        } else {
            boolean passing = byAll || sorted.get(0).where().equals(Evidence.BODY);
            reason = (passing ? "a passing mention: " + found + ", " + tag.mentions() + " make it the subject" : found)
                    + String.format(Locale.ROOT, " (relevance %.2f, below %.2f)", score, tag.relevance());
        }
        return new TagRelevance(round(score), tag.relevance(), sorted, reason);
    }

    private static String times(int n) {
        return n == 1 ? "once" : n + " times";
    }

    private static String describe(Evidence e) {
        return switch (e.where()) {
            case Evidence.TITLE -> e.query() + " in the title";
            case Evidence.LEAD -> e.query() + " in the lead";
            default -> e.query() + " mentioned " + times(e.mentions());
        };
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
