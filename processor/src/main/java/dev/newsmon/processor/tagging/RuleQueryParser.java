package dev.newsmon.processor.tagging;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns rule query text into a Lucene query: classic syntax, unqualified terms in title or text (field {@code all}). */
final class RuleQueryParser {
    private static final Analyzer ANALYZER = NewsAnalyzer.forQueries();
    private static final Pattern AT_END = Pattern.compile("Encountered:? \"?<EOF>");
    /** Lucene's columns count from 0. */
    private static final Pattern UNEXPECTED = Pattern.compile(
            "Encountered \" \\S+ \"(.*?) \"\" at line \\d+, column (\\d+)");

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

    /**
     * The parser's reason in one line: where the query went wrong, without the list of every token the grammar
     * would have accepted there, which is what Lucene's message mostly is.
     */
    static String describe(ParseException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().replaceAll("\\s+", " ").trim();
        if (AT_END.matcher(message).find()) {
            return "the query ends too soon: an unclosed parenthesis or quote?";
        }
        Matcher unexpected = UNEXPECTED.matcher(message);
        if (unexpected.find()) {
            return "unexpected '" + unexpected.group(1) + "' at character "
                    + (Integer.parseInt(unexpected.group(2)) + 1);
        }
        int expecting = message.indexOf(" Was expecting");
        return expecting < 0 ? message : message.substring(0, expecting);
    }
}
