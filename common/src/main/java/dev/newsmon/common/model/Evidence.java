package dev.newsmon.common.model;

import java.util.Objects;

/**
 * Where one rule query found what an item is about, and how much that counts.
 *
 * @param query    name of the query in the rules file
 * @param where    the strongest place it matched: {@code title}, {@code lead} (the title and the first words of the
 *                 text) or {@code body} (anywhere, counted by mentions)
 * @param mentions how many times the query is satisfied in the whole item (for a query of several required parts,
 *                 the part mentioned least often)
 * @param score    the relevance this evidence gives, 0..1
 */
public record Evidence(String query, String where, int mentions, double score) {
    public static final String TITLE = "title";
    public static final String LEAD = "lead";
    public static final String BODY = "body";

    public Evidence {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(where, "where");
    }
}
