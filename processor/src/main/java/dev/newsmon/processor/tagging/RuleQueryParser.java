package dev.newsmon.processor.tagging;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;

/** Turns rule query text into a Lucene query: classic syntax, unqualified terms in title or text. */
final class RuleQueryParser {
    private static final Analyzer ANALYZER = NewsAnalyzer.forQueries();

    private RuleQueryParser() {
    }

    static Query parse(String query) throws ParseException {
        // A classic parser keeps state while parsing, so each query gets its own.
        MultiFieldQueryParser parser = new MultiFieldQueryParser(ItemFields.DEFAULT.toArray(String[]::new), ANALYZER);
        Query parsed = parser.parse(query);
        // Text that analyses to nothing (only punctuation, say) would silently never match.
        if (parsed == null || parsed instanceof BooleanQuery b && b.clauses().isEmpty()) {
            throw new ParseException("the query has no searchable terms");
        }
        return parsed;
    }
}
