package dev.newsmon.processor.tagging;

import dev.newsmon.common.model.FeedItem;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CachingTokenFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One item as a one-document Lucene index, the way rule queries see it: {@link ItemFields#ALL} (title and text),
 * {@link ItemFields#TITLE}, {@link ItemFields#TEXT} and {@link ItemFields#HEAD} (title and lead), with positions and
 * offsets. The only class that touches {@link MemoryIndex}. Not thread-safe; build one per item.
 */
final class ItemIndex {
    private final IndexSearcher searcher;
    private final LeafReaderContext leaf;
    private final FeedItem item;
    private final RewrittenQueries rewritten;

    private ItemIndex(FeedItem item, IndexSearcher searcher, RewrittenQueries rewritten) {
        this.item = item;
        this.searcher = searcher;
        this.rewritten = rewritten;
        this.leaf = searcher.getIndexReader().leaves().get(0);
    }

    /**
     * The title and the text are each analysed once and their tokens replayed into every field that holds them;
     * the lead is the text's tokens up to the lead's end.
     *
     * @param textField whether some query searches {@code text:} on its own
     * @param rewritten the queries that will be asked, rewritten already where they could be
     */
    static ItemIndex of(FeedItem item, Analyzer analyzer, boolean textField, RewrittenQueries rewritten) {
        MemoryIndex index = new MemoryIndex(true, false);
        int gap = analyzer.getPositionIncrementGap(ItemFields.ALL);
        int offsetGap = analyzer.getOffsetGap(ItemFields.ALL);
        CachingTokenFilter title = analysed(analyzer, item.title());
        CachingTokenFilter text = analysed(analyzer, item.text());
        index.addField(ItemFields.TITLE, title);
        index.addField(ItemFields.ALL, title);
        index.addField(ItemFields.ALL, text, gap, offsetGap);
        index.addField(ItemFields.HEAD, title);
        index.addField(ItemFields.HEAD, new UpTo(text, ItemFields.lead(item.text()).length()), gap, offsetGap);
        if (textField) {
            index.addField(ItemFields.TEXT, text);
        }
        index.freeze();
        return new ItemIndex(item, index.createSearcher(), rewritten);
    }

    /** A searcher of no item, to rewrite the queries whose rewrite reads no index ({@link RewrittenQueries}). */
    static IndexSearcher emptySearcher() {
        return new MemoryIndex().createSearcher();
    }

    /**
     * The tokens of one value, analysed now and replayed at each use. Uses are sequential, so that it does not
     * matter that the analyzer's next stream shares its attributes.
     */
    private static CachingTokenFilter analysed(Analyzer analyzer, String value) {
        CachingTokenFilter cached = new CachingTokenFilter(analyzer.tokenStream(ItemFields.ALL, value));
        try {
            cached.reset();
            while (cached.incrementToken()) {
                // filling the cache
            }
            cached.end();
            // Frees the analyzer's stream for the next value; the cache replays without it.
            cached.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse an item's text", e);
        }
        return cached;
    }

    /** The tokens of a stream that end at or before an offset. */
    private static final class UpTo extends TokenFilter {
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final int end;

        UpTo(TokenStream input, int end) {
            super(input);
            this.end = end;
        }

        @Override
        public boolean incrementToken() throws IOException {
            return input.incrementToken() && offset.endOffset() <= end;
        }
    }

    /** Where the query matches, with positions and offsets; null when it does not match. */
    Matches matches(Query query) {
        try {
            return weight(query).matches(leaf, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot match a query on item_id=" + item.itemId(), e);
        }
    }

    /** Whether the query matches, without collecting where: the cheapest question the index answers. */
    boolean matchesAtAll(Query query) {
        if (query instanceof BooleanQuery bool && rewritten.rewrittenOnce(bool)) {
            return clausesMatch(bool);
        }
        try {
            Scorer scorer = weight(query).scorer(leaf);
            if (scorer == null) {
                return false;
            }
            TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
            return twoPhase == null ? scorer.iterator().nextDoc() == 0
                    : twoPhase.approximation().nextDoc() == 0 && twoPhase.matches();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot match a query on item_id=" + item.itemId(), e);
        }
    }

    /**
     * A boolean query's answer, clause by clause: its required clauses all match, at least its minimum of optional
     * ones (one when nothing is required) and none of its excluded ones. That is how a boolean query matches a
     * document; asked clause by clause, the first clause that decides the answer spares the weights of the rest.
     * Only for a query rewritten once: one rewritten on the item is asked whole, so that it fails on the item as it
     * would whole (on too many clauses, say).
     */
    private boolean clausesMatch(BooleanQuery query) {
        List<Query> optional = new ArrayList<>();
        List<Query> excluded = new ArrayList<>();
        boolean required = false;
        for (BooleanClause clause : query.clauses()) {
            switch (clause.getOccur()) {
                case MUST, FILTER -> {
                    if (!matchesAtAll(clause.getQuery())) {
                        return false;
                    }
                    required = true;
                }
                case SHOULD -> optional.add(clause.getQuery());
                case MUST_NOT -> excluded.add(clause.getQuery());
            }
        }
        int needed = query.getMinimumNumberShouldMatch() > 0 ? query.getMinimumNumberShouldMatch()
                : required ? 0 : 1;
        int found = 0;
        for (int i = 0; i < optional.size() && found < needed; i++) {
            found += matchesAtAll(optional.get(i)) ? 1 : 0;
        }
        return found >= needed && excluded.stream().noneMatch(this::matchesAtAll);
    }

    private Weight weight(Query query) throws IOException {
        return searcher.createWeight(rewritten.rewrite(query, searcher), ScoreMode.COMPLETE_NO_SCORES, 1f);
    }

    /** The query's Lucene score on this item, 0 when it does not match. */
    float score(Query query) {
        try {
            TopDocs top = searcher.search(query, 1);
            return top.scoreDocs.length == 0 ? 0f : top.scoreDocs[0].score;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot score a query on item_id=" + item.itemId(), e);
        }
    }
}
