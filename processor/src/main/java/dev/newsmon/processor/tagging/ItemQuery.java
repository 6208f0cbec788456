package dev.newsmon.processor.tagging;

import dev.newsmon.common.model.FeedItem;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.Query;

import java.util.List;

/**
 * A subscription's query: classic Lucene syntax over an item's title and text, analysed as rule queries are
 * (unqualified terms look in both, {@code title:} and {@code text:} narrow). Immutable and thread-safe.
 */
public final class ItemQuery {
    private static final Analyzer ANALYZER = NewsAnalyzer.forDocuments();
    private final String text;
    private final Query query;
    private final RewrittenQueries rewritten;

    private ItemQuery(String text, Query query) {
        this.text = text;
        this.query = query;
        this.rewritten = RewrittenQueries.of(List.of(query));
    }

    /** @throws IllegalArgumentException naming what does not parse */
    public static ItemQuery parse(String text) {
        try {
            return new ItemQuery(text, RuleQueryParser.parse(text));
        } catch (ParseException | RuntimeException e) {
            // The classic parser's message spans lines: the first says what and where.
            throw new IllegalArgumentException(String.valueOf(e.getMessage()).lines().findFirst().orElse("invalid"), e);
        }
    }

    public String text() {
        return text;
    }

    /** Whether the query matches an item with this title and text (either may be empty). */
    public boolean matches(String itemId, String title, String body) {
        FeedItem item = new FeedItem(FeedItem.SCHEMA_VERSION, itemId, null, "", null, null, title, body, null, null);
        return ItemIndex.of(item, ANALYZER, true, rewritten).matchesAtAll(query);
    }
}
