package dev.newsmon.processor.tagging;

import java.util.Locale;
import java.util.Objects;

/**
 * One named query of a tag.
 *
 * @param name  name of the query, unique within its tag; it names the match in alerts
 * @param query Lucene classic query syntax; unqualified terms search both title and text
 * @param scope   where a match counts as evidence (the rules file's {@code in:} key)
 * @param context   a second query that must also match, or null; it says what the item must be about around the
 *                  query without adding to its place or mentions: {@code ISS} in a headline, with NASA somewhere in
 *                  the text, is still a headline about the ISS
 * @param contextIn where the context must match: anywhere ({@code BODY}), or in the title and lead, so that the
 *                  item is about what the context names (a crew launch) and the query adds a fact about it
 * @param mentions  body mentions that give this query's evidence its full score, or 0 for the tag's number: 1 makes
 *                  a single mention count, for a fact that is told once (a cosmonaut on the crew of a launch)
 */
public record RuleQuery(String name, String query, Scope scope, String context, Scope contextIn, int mentions) {
    public RuleQuery {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(contextIn, "contextIn");
    }

    /** A query without context that counts wherever it matches, by its place and the tag's mentions. */
    public RuleQuery(String name, String query) {
        this(name, query, Scope.BODY, null, Scope.BODY, 0);
    }

    /**
     * The places a query's match may count from. Each admits the ones before it: a query limited to the lead counts
     * when it matches in the title and lead, a query of the body also by its mentions anywhere.
     */
    public enum Scope {
        TITLE, LEAD, BODY;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public boolean admits(Scope place) {
            return place.ordinal() <= ordinal();
        }
    }
}
