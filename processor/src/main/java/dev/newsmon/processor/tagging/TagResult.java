package dev.newsmon.processor.tagging;

import dev.newsmon.common.model.TagMatch;

import java.util.List;
import java.util.Map;

/**
 * The tags of one item.
 *
 * @param tags         tag names that apply, sorted; empty when none does
 * @param matches      per tag, the queries that matched with their hits
 * @param rulesVersion version of the rules that produced this result
 */
public record TagResult(List<String> tags, Map<String, List<TagMatch>> matches, String rulesVersion) {
    public TagResult {
        tags = List.copyOf(tags);
        matches = Map.copyOf(matches);
    }

    public boolean tagged() {
        return !tags.isEmpty();
    }
}
