package dev.newsmon.processor.tagging;

import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

import java.io.IOException;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Queries rewritten once, when they are parsed, instead of on every item and at every use. Lucene rewrites a query
 * before it builds its weight; for the queries of rules the rewrite mostly only reshapes the query itself (a phrase
 * of one word becomes a term, nested clauses are flattened, a prefix term becomes a wrapper that finds its words
 * when the weight is built), so it gives the same query on every item and is done here once against an empty index.
 * A query with a part whose rewrite reads the index (a fuzzy term, which becomes the index's nearest words) is left
 * as it is, and rewritten on each item as before.
 *
 * <p>Queries are looked up by identity: the tagger asks about the very instances it registered (the parsed queries
 * and their parts), and any other query is rewritten on the item. Immutable once built, so safe to share between
 * threads.
 */
final class RewrittenQueries {
    /**
     * The query classes whose rewrite in Lucene 9 reads nothing but the query (a {@link MultiTermQuery} depends on
     * its rewrite method, see {@link #readsNoIndex}). Exact classes: a subclass could rewrite otherwise.
     */
    private static final Set<Class<? extends Query>> STRUCTURAL = Set.of(TermQuery.class, PhraseQuery.class,
            MultiPhraseQuery.class, SynonymQuery.class, MatchAllDocsQuery.class, MatchNoDocsQuery.class);

    private final Map<Query, Query> rewritten;

    private RewrittenQueries(Map<Query, Query> rewritten) {
        this.rewritten = rewritten;
    }

    /** The queries and every part of them that can be rewritten without an index, rewritten. */
    static RewrittenQueries of(Collection<Query> queries) {
        IndexSearcher empty = ItemIndex.emptySearcher();
        Map<Query, Query> rewritten = new IdentityHashMap<>();
        queries.forEach(q -> add(q, empty, rewritten));
        return new RewrittenQueries(rewritten);
    }

    private static void add(Query query, IndexSearcher empty, Map<Query, Query> rewritten) {
        if (query instanceof BooleanQuery bool) {
            bool.clauses().forEach(c -> add(c.getQuery(), empty, rewritten));
        } else if (query instanceof BoostQuery boost) {
            add(boost.getQuery(), empty, rewritten);
        } else if (query instanceof ConstantScoreQuery constant) {
            add(constant.getQuery(), empty, rewritten);
        }
        if (rewritten.containsKey(query) || !readsNoIndex(query)) {
            return;
        }
        try {
            rewritten.put(query, empty.rewrite(query));
        } catch (IOException | RuntimeException e) {
            // Too many clauses, say: left to fail on each item, where a query that cannot be evaluated is skipped
            // and counted.
        }
    }

    /**
     * Whether the query's rewrite gives the same query on every index. A multi-term query (prefix, wildcard) is
     * rewritten by its method: the constant-score ones only wrap it, the others expand it to the index's terms.
     */
    static boolean readsNoIndex(Query query) {
        if (query instanceof MultiTermQuery multiTerm) {
            MultiTermQuery.RewriteMethod method = multiTerm.getRewriteMethod();
            return method == MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE
                    || method == MultiTermQuery.CONSTANT_SCORE_REWRITE;
        }
        if (query.getClass() == BooleanQuery.class) {
            for (BooleanClause clause : ((BooleanQuery) query).clauses()) {
                if (!readsNoIndex(clause.getQuery())) {
                    return false;
                }
            }
            return true;
        }
        if (query.getClass() == BoostQuery.class) {
            return readsNoIndex(((BoostQuery) query).getQuery());
        }
        if (query.getClass() == ConstantScoreQuery.class) {
            return readsNoIndex(((ConstantScoreQuery) query).getQuery());
        }
        return STRUCTURAL.contains(query.getClass());
    }

    /** Whether the query was rewritten here, and so is the same on every item. */
    boolean rewrittenOnce(Query query) {
        return rewritten.containsKey(query);
    }

    /** The query as the searcher would rewrite it: done already when it could be, else now. */
    Query rewrite(Query query, IndexSearcher searcher) throws IOException {
        Query done = rewritten.get(query);
        return done != null ? done : searcher.rewrite(query);
    }
}
