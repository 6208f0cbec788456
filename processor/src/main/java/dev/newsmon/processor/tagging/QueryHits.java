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
import java.util.Comparator;
import java.util.List;

/**
 * What a query matched in an item, found in one walk of the query: its hits (for highlighting) and its mentions.
 *
 * <p>Mentions are where the query is satisfied: a word or phrase, each occurrence; alternatives ({@code a OR b}),
 * the occurrences of both; required parts ({@code a AND b}), those of the part mentioned least. So
 * {@code ISS AND nasa} in an item naming NASA five times and the ISS once has one mention: the ISS is what it is
 * about, NASA only the context it needs. Mentions that overlap (a phrase and a word in it) are one.
 *
 * @param hits     the hits of the parts that matched, in no order; a hit's field is the index field it is in
 * @param mentions the hits that count as mentions (see above)
 */
record QueryHits(List<Hit> hits, List<Hit> mentions) {
    /** One hit: positions and character offsets in an index field. */
    record Hit(String field, int startPosition, int endPosition, int startOffset, int endOffset) {
    }

    /** About a sentence: mentions closer than this are one place. */
    static final int PLACE_WORDS = 15;

    /** How many separate places the mentions are at. */
    int mentionCount() {
        return count(mentions);
    }

    /**
     * Separate places among hits: hits of one field less than {@value #PLACE_WORDS} words apart are one place, so
     * that one sentence naming the station, its crew and their spacecraft is one mention, not three.
     */
    static int count(List<Hit> hits) {
        List<Hit> sorted = new ArrayList<>(hits);
        sorted.sort(Comparator.comparing(Hit::field).thenComparingInt(Hit::startPosition));
        int places = 0;
        String field = null;
        int end = Integer.MIN_VALUE;
        for (Hit h : sorted) {
            if (!h.field().equals(field) || h.startPosition() >= end + PLACE_WORDS) {
                places++;
                field = h.field();
                end = h.endPosition();
            } else {
                end = Math.max(end, h.endPosition());
            }
        }
        return places;
    }

    /** The hits of the query in the item, or null when it does not match. */
    static QueryHits of(Query query, ItemIndex index) {
        if (query instanceof BoostQuery boost) {
            return of(boost.getQuery(), index);
        }
        if (query instanceof ConstantScoreQuery constant) {
            return of(constant.getQuery(), index);
        }
        if (query instanceof BooleanQuery bool && !isAlternativesOfWords(bool)) {
            return ofBoolean(bool, index);
        }
        return ofLeaf(query, index);
    }

    /**
     * Whether the query only lists alternatives (with exclusions), none of which has required parts: then the
     * Matches of the whole query are the hits and the mentions, found in one pass instead of one per alternative.
     */
    private static boolean isAlternativesOfWords(BooleanQuery query) {
        if (query.getMinimumNumberShouldMatch() > 1) {
            return false;
        }
        for (BooleanClause clause : query.clauses()) {
            BooleanClause.Occur occur = clause.getOccur();
            if (occur == BooleanClause.Occur.MUST || occur == BooleanClause.Occur.FILTER) {
                return false;
            }
            if (occur == BooleanClause.Occur.SHOULD && clause.getQuery() instanceof BooleanQuery inner
                    && !isAlternativesOfWords(inner)) {
                return false;
            }
        }
        return true;
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
        List<Hit> mentions;
        if (required.isEmpty()) {
            mentions = new ArrayList<>();
            optional.forEach(h -> mentions.addAll(h.mentions()));
        } else {
            mentions = required.stream().min(Comparator.comparingInt(QueryHits::mentionCount))
                    .orElseThrow().mentions();
        }
        return new QueryHits(hits, mentions);
    }

    private static QueryHits ofLeaf(Query query, ItemIndex index) {
        Matches matches = index.matches(query);
        if (matches == null) {
            return null;
        }
        List<Hit> hits = new ArrayList<>();
        try {
            for (String field : matches) {
                MatchesIterator it = matches.getMatches(field);
                if (it == null) {
                    continue;
                }
                while (it.next()) {
                    hits.add(new Hit(field, it.startPosition(), it.endPosition(), it.startOffset(), it.endOffset()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the matches of a query", e);
        }
        return new QueryHits(hits, hits);
    }
}
