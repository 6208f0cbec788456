package dev.newsmon.common.model;

import java.util.List;

/**
 * Why a tag applies: the named query that matched and what it matched on.
 *
 * @param query name of the matching query in the rules file
 * @param terms the hits in the item
 */
public record TagMatch(String query, List<MatchedTerm> terms) {
    public TagMatch {
        terms = List.copyOf(terms);
    }
}
