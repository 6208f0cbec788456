package dev.newsmon.processor.tagging;

import java.util.List;
import java.util.Objects;

/**
 * A tag and the queries that make it apply. Each matching query gives evidence of a relevance (see
 * {@link Aboutness}); the tag applies when the strongest reaches {@code relevance}.
 *
 * @param name      tag name as it appears in alerts
 * @param priority  ordering hint for consumers of alerts; higher is more important
 * @param minScore  lowest Lucene score a query must reach to count; 0 accepts every match
 * @param relevance the relevance the tag needs, 0..1; 0 applies it on any match
 * @param mentions  how many mentions anywhere in the item give a query's body evidence its full score
 *                  ({@link Aboutness#BODY}); fewer count in proportion, so that with the defaults one or two
 *                  mentions deep in the text are a passing mention
 * @param queries   the queries, in file order
 */
public record TagRule(String name, int priority, double minScore, double relevance, int mentions,
                      List<RuleQuery> queries) {
    /** A passing mention (one or two body mentions) does not tag by default; a lead or title match does. */
    public static final double DEFAULT_RELEVANCE = 0.5;
    public static final int DEFAULT_MENTIONS = 3;

    public TagRule {
        Objects.requireNonNull(name, "name");
        queries = List.copyOf(queries);
    }

    /** A tag with the default aboutness. */
    public TagRule(String name, int priority, double minScore, List<RuleQuery> queries) {
        this(name, priority, minScore, DEFAULT_RELEVANCE, DEFAULT_MENTIONS, queries);
    }
}
