package dev.newsmon.processor.tagging;

import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a query matched in an item, found in one walk of the query: its hits (for highlighting) and its mentions.
 *
 * <p>Mentions count how many times the query is satisfied: a word or phrase, each occurrence; alternatives
 * ({@code a OR b}), the sum of theirs; required parts ({@code a AND b}), the part mentioned least. So
 * {@code ISS AND nasa} in an item naming NASA five times and the ISS once has one mention: the ISS is what it is
 * about, NASA only the context it needs.
 *
 * @param hits     the hits of the parts that matched, in no order; a hit's field is the index field it is in
 * @param mentions see above; at least 1
 */
record QueryHits(List<Hit> hits, int mentions) {
    /** One hit: positions and character offsets in an index field. */
    record Hit(String field, int startPosition, int endPosition, int startOffset, int endOffset) {
    }

    /** The hits of the query in the item, or null when it does not match. */
    static QueryHits of(Query query, ItemIndex index) {
        if (query instanceof BoostQuery boost) {
            return of(boost.getQuery(), index);
        }
        if (query instanceof ConstantScoreQuery constant) {
            return of(constant.getQuery(), index);
        }
        if (query instanceof BooleanQuery bool) {
            return ofBoolean(bool, index);
        }
        return ofLeaf(query, index);
    }

    private static QueryHits ofBoolean(BooleanQuery query, ItemIndex index) {
        List<QueryHits> required = new ArrayList<>();
        List<QueryHits> optional = new ArrayList<>();
        int optionalClauses = 0;
        for (BooleanClause clause : query.clauses()) {
            switch (clause.getOccur()) {
                case MUST, FILTER -> {
                    QueryHits hits = of(clause.getQuery(), index);
                    if (hits == null) {
                        return null;
                    }
                    required.add(hits);
                }
                case SHOULD -> {
                    optionalClauses++;
                    QueryHits hits = of(clause.getQuery(), index);
                    if (hits != null) {
                        optional.add(hits);
                    }
                }
                case MUST_NOT -> {
                    if (index.matchesAtAll(clause.getQuery())) {
                        return null;
                    }
                }
            }
        }
        boolean optionalNeeded = required.isEmpty() ? optionalClauses > 0 : query.getMinimumNumberShouldMatch() > 0;
        int neededOptional = Math.max(query.getMinimumNumberShouldMatch(), optionalNeeded ? 1 : 0);
        if (optional.size() < neededOptional || (required.isEmpty() && optional.isEmpty())) {
            return null;
        }
        List<Hit> hits = new ArrayList<>();
        required.forEach(h -> hits.addAll(h.hits()));
        optional.forEach(h -> hits.addAll(h.hits()));
        int mentions = required.isEmpty()
                ? optional.stream().mapToInt(QueryHits::mentions).sum()
                : required.stream().mapToInt(QueryHits::mentions).min().orElseThrow();
        return new QueryHits(hits, mentions);
    }

    private static QueryHits ofLeaf(Query query, ItemIndex index) {
        Matches matches = index.matches(query);
        if (matches == null) {
            return null;
        }
        List<Hit> hits = new ArrayList<>();
        Set<Long> starts = new HashSet<>();
        try {
            for (String field : matches) {
                MatchesIterator it = matches.getMatches(field);
                if (it == null) {
                    continue;
                }
                while (it.next()) {
                    hits.add(new Hit(field, it.startPosition(), it.endPosition(), it.startOffset(), it.endOffset()));
                    starts.add(((long) field.hashCode() << 32) | it.startPosition());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the matches of a query", e);
        }
        return new QueryHits(hits, Math.max(1, starts.size()));
    }
}
