package dev.newsmon.processor.tagging;

import java.util.Locale;
import java.util.Objects;

/**
 * One named query of a tag.
 *
 * @param name  name of the query, unique within its tag; it names the match in alerts
 * @param query Lucene classic query syntax; unqualified terms search both title and text
 * @param scope   where a match counts as evidence (the rules file's {@code in:} key)
 * @param context a second query that must also match, anywhere in the item, or null; it says what the item must
 *                be about around the query without adding to its place or mentions: {@code ISS} in a headline,
 *                with NASA somewhere in the text, is still a headline about the ISS
 */
public record RuleQuery(String name, String query, Scope scope, String context) {
    public RuleQuery {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(scope, "scope");
    }

    /** A query without context that counts wherever it matches, by its place and mentions. */
    public RuleQuery(String name, String query) {
        this(name, query, Scope.BODY, null);
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
