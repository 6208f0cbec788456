package dev.newsmon.processor.tagging;

import java.util.Objects;

/**
 * One named query of a tag.
 *
 * @param name  name of the query, unique within its tag; it names the match in alerts
 * @param query Lucene classic query syntax; unqualified terms search both title and text
 */
public record RuleQuery(String name, String query) {
    public RuleQuery {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(query, "query");
    }
}
