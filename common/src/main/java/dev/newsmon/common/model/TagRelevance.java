package dev.newsmon.common.model;

import java.util.List;
import java.util.Objects;

/**
 * How much an item is about one tag's subject, and why: the aboutness decision an analyst can check.
 *
 * @param score     the strongest evidence's score, 0..1
 * @param threshold the score the tag needs; the tag applies when {@code score >= threshold}
 * @param evidence  every query of the tag that matched, strongest first
 * @param reason    the decision in words, e.g. "named-station in the title"
 */
public record TagRelevance(double score, double threshold, List<Evidence> evidence, String reason) {
    public TagRelevance {
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(reason, "reason");
    }

    public boolean applies() {
        return score >= threshold;
    }
}
