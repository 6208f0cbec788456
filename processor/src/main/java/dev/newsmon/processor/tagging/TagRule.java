package dev.newsmon.processor.tagging;

import java.util.List;
import java.util.Objects;

/**
 * A tag and the queries that make it apply: any one matching query is enough.
 *
 * @param name     tag name as it appears in alerts
 * @param priority ordering hint for consumers of alerts; higher is more important
 * @param minScore lowest Lucene score a query must reach to count; 0 accepts every match
 * @param queries  the queries, in file order
 */
public record TagRule(String name, int priority, double minScore, List<RuleQuery> queries) {
    public TagRule {
        Objects.requireNonNull(name, "name");
        queries = List.copyOf(queries);
    }
}
