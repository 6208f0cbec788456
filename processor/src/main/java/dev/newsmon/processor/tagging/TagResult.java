package dev.newsmon.processor.tagging;

import dev.newsmon.common.model.TagMatch;
import dev.newsmon.common.model.TagRelevance;

import java.util.List;
import java.util.Map;

/**
 * The tags of one item.
 *
 * @param tags         tag names that apply, sorted; empty when none does
 * @param matches      per tag that applies, the queries that matched with their hits
 * @param relevance    per tag that some query matched, applied or not, how much the item is about it and why; a
 *                     tag below its threshold is here (a passing mention) but not in {@code tags}
 * @param rulesVersion version of the rules that produced this result
 */
public record TagResult(List<String> tags, Map<String, List<TagMatch>> matches, Map<String, TagRelevance> relevance,
                        String rulesVersion) {
    public TagResult {
        tags = List.copyOf(tags);
        matches = Map.copyOf(matches);
        // Absent in messages written before aboutness.
        relevance = relevance == null ? Map.of() : Map.copyOf(relevance);
    }

    public static TagResult untagged(String rulesVersion) {
        return new TagResult(List.of(), Map.of(), Map.of(), rulesVersion);
    }

    public boolean tagged() {
        return !tags.isEmpty();
    }

    /** The relevance of the tags that apply, as alerts carry it. */
    public Map<String, TagRelevance> appliedRelevance() {
        Map<String, TagRelevance> applied = new java.util.HashMap<>(relevance);
        applied.keySet().retainAll(tags);
        return applied;
    }
}
