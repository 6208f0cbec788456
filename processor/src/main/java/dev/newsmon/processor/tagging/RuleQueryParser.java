package dev.newsmon.processor.tagging;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;

/** Turns rule query text into a Lucene query: classic syntax, unqualified terms in title or text (field {@code all}). */
final class RuleQueryParser {
    private static final Analyzer ANALYZER = NewsAnalyzer.forQueries();

    private RuleQueryParser() {
    }

    static Query parse(String query) throws ParseException {
        return parse(query, ItemFields.ALL);
    }

    /** @param defaultField where unqualified terms look: {@link ItemFields#ALL}, or a narrower place of evidence */
    static Query parse(String query, String defaultField) throws ParseException {
        // A classic parser keeps state while parsing, so each query gets its own.
        QueryParser parser = new QueryParser(defaultField, ANALYZER);
        Query parsed = parser.parse(query);
        // Text that analyses to nothing (only punctuation, say) would silently never match.
        if (parsed == null || parsed instanceof BooleanQuery b && b.clauses().isEmpty()) {
            throw new ParseException("the query has no searchable terms");
        }
        return parsed;
    }
}
