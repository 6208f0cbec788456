package dev.newsmon.processor.tagging;

import java.util.List;
import java.util.Objects;

/**
 * A complete, validated rule set.
 *
 * @param version stated in the file, else derived from its bytes; travels with every tagged item
 * @param tags    the tags, in file order
 */
public record Rules(String version, List<TagRule> tags) {
    public Rules {
        Objects.requireNonNull(version, "version");
        tags = List.copyOf(tags);
    }
}
