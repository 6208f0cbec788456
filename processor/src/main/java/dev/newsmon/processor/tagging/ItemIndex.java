package dev.newsmon.processor.tagging;

import dev.newsmon.common.model.FeedItem;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One item as a one-document Lucene index, the way rule queries see it: {@link ItemFields#ALL} (title and text),
 * {@link ItemFields#TITLE}, {@link ItemFields#TEXT} and {@link ItemFields#HEAD} (title and lead), with positions and
 * offsets. The only class that touches {@link MemoryIndex}. Not thread-safe; build one per item.
 */
final class ItemIndex {
    private final IndexSearcher searcher;
    private final LeafReaderContext leaf;
    private final FeedItem item;

    private ItemIndex(FeedItem item, IndexSearcher searcher) {
        this.item = item;
        this.searcher = searcher;
        this.leaf = searcher.getIndexReader().leaves().get(0);
    }

    static ItemIndex of(FeedItem item, Analyzer analyzer) {
        MemoryIndex index = new MemoryIndex(true, false);
        index.addField(ItemFields.ALL, item.title(), analyzer);
        index.addField(ItemFields.ALL, item.text(), analyzer);
        index.addField(ItemFields.TITLE, item.title(), analyzer);
        index.addField(ItemFields.TEXT, item.text(), analyzer);
        index.addField(ItemFields.HEAD, item.title(), analyzer);
        index.addField(ItemFields.HEAD, ItemFields.lead(item.text()), analyzer);
        index.freeze();
        return new ItemIndex(item, index.createSearcher());
    }

    /** Where the query matches, with positions and offsets; null when it does not match. */
    Matches matches(Query query) {
        try {
            Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
            return weight.matches(leaf, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot match a query on item_id=" + item.itemId(), e);
        }
    }

    boolean matchesAtAll(Query query) {
        return matches(query) != null;
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
