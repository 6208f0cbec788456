package dev.newsmon.processor.tagging;

import dev.newsmon.common.model.FeedItem;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which rule queries can possibly match an item, decided from its words alone, before any index is built. Most
 * news items contain none of the words a rule needs: they are decided untagged here, at the cost of analysing
 * their text once.
 *
 * <p>Lossless by construction: each query gets a set of words at least one of which every item it matches must
 * contain (for {@code a AND b}, the rarer-looking side's words; for {@code a OR b}, both sides'; for a phrase, one
 * of its words), and the item's words are produced by the very analyzer the queries are matched with. A query
 * part whose words cannot be known in advance (a leading wildcard, a range) makes its query a candidate for every
 * item. The differential test compares this path with the Lucene monitor alone.
 */
final class Prefilter {
    private final Analyzer analyzer;
    private final CharArrayMap<int[]> byWord;
    private final CharArrayMap<int[]> byPrefix;
    /** The distinct lengths of the prefixes, so that a word looks up only the prefixes there are. */
    private final int[] prefixLengths;
    private final BitSet always;

    private Prefilter(Analyzer analyzer, CharArrayMap<int[]> byWord, CharArrayMap<int[]> byPrefix,
                      int[] prefixLengths, BitSet always) {
        this.analyzer = analyzer;
        this.byWord = byWord;
        this.byPrefix = byPrefix;
        this.prefixLengths = prefixLengths;
        this.always = always;
    }

    /** @param queries the queries by index, as parsed for matching */
    static Prefilter of(List<Query> queries, Analyzer analyzer) {
        Map<String, List<Integer>> words = new HashMap<>();
        Map<String, List<Integer>> prefixes = new HashMap<>();
        BitSet always = new BitSet(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            Requirement r = Requirement.of(queries.get(i));
            if (r.always()) {
                always.set(i);
                continue;
            }
            for (String w : r.words()) {
                words.computeIfAbsent(w, k -> new ArrayList<>()).add(i);
            }
            for (String p : r.prefixes()) {
                prefixes.computeIfAbsent(p, k -> new ArrayList<>()).add(i);
            }
        }
        Set<Integer> lengths = new TreeSet<>();
        prefixes.keySet().forEach(p -> lengths.add(p.length()));
        return new Prefilter(analyzer, index(words), index(prefixes),
                lengths.stream().mapToInt(Integer::intValue).toArray(), always);
    }

    private static CharArrayMap<int[]> index(Map<String, List<Integer>> lists) {
        CharArrayMap<int[]> map = new CharArrayMap<>(Math.max(1, lists.size()), false);
        lists.forEach((k, v) -> map.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        return map;
    }

    /** The indices of the queries that may match the item; empty when none can. */
    BitSet candidates(FeedItem item) {
        BitSet found = (BitSet) always.clone();
        scan(item.title(), found);
        scan(item.text(), found);
        return found;
    }

    private void scan(String value, BitSet found) {
        if (value.isEmpty()) {
            return;
        }
        try (TokenStream tokens = analyzer.tokenStream(ItemFields.ALL, value)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                char[] buffer = term.buffer();
                int length = term.length();
                mark(byWord.get(buffer, 0, length), found);
                for (int prefix : prefixLengths) {
                    if (prefix > length) {
                        break;
                    }
                    mark(byPrefix.get(buffer, 0, prefix), found);
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse an item's text", e);
        }
    }

    private static void mark(int[] queries, BitSet found) {
        if (queries != null) {
            for (int q : queries) {
                found.set(q);
            }
        }
    }

    /**
     * Words of which a matching item contains at least one (whole words, or words starting with a prefix), or
     * {@code always} when the query's words cannot be known.
     */
    record Requirement(Set<String> words, Set<String> prefixes, boolean always) {
        static final Requirement ALWAYS = new Requirement(Set.of(), Set.of(), true);
        /** A query that matches nothing (only negative clauses) needs nothing and is never a candidate. */
        static final Requirement NEVER = new Requirement(Set.of(), Set.of(), false);

        static Requirement of(Query query) {
            if (query instanceof TermQuery t) {
                return word(t.getTerm());
            }
            if (query instanceof BoostQuery b) {
                return of(b.getQuery());
            }
            if (query instanceof ConstantScoreQuery c) {
                return of(c.getQuery());
            }
            if (query instanceof PhraseQuery p) {
                return cheapest(p.getTerms().length == 0 ? List.of(ALWAYS)
                        : java.util.Arrays.stream(p.getTerms()).map(Requirement::word).toList());
            }
            if (query instanceof MultiPhraseQuery m) {
                List<Requirement> positions = new ArrayList<>();
                for (Term[] alternatives : m.getTermArrays()) {
                    positions.add(union(java.util.Arrays.stream(alternatives).map(Requirement::word).toList()));
                }
                return cheapest(positions.isEmpty() ? List.of(ALWAYS) : positions);
            }
            if (query instanceof SynonymQuery s) {
                return union(s.getTerms().stream().map(Requirement::word).toList());
            }
            if (query instanceof PrefixQuery p) {
                return prefix(p.getPrefix().text());
            }
            if (query instanceof WildcardQuery w) {
                return prefix(literalPrefix(w.getTerm().text()));
            }
            if (query instanceof BooleanQuery b) {
                return ofBoolean(b);
            }
            return ALWAYS;
        }

        private static Requirement ofBoolean(BooleanQuery query) {
            List<Requirement> required = new ArrayList<>();
            List<Requirement> optional = new ArrayList<>();
            for (BooleanClause clause : query.clauses()) {
                switch (clause.getOccur()) {
                    case MUST, FILTER -> required.add(of(clause.getQuery()));
                    case SHOULD -> optional.add(of(clause.getQuery()));
                    case MUST_NOT -> {
                        // A negative clause never makes an item match, so it needs no word.
                    }
                }
            }
            if (!required.isEmpty()) {
                return cheapest(required);
            }
            return optional.isEmpty() ? NEVER : union(optional);
        }

        private static Requirement word(Term term) {
            return new Requirement(Set.of(term.text()), Set.of(), false);
        }

        private static Requirement prefix(String prefix) {
            return prefix.isEmpty() ? ALWAYS : new Requirement(Set.of(), Set.of(prefix), false);
        }

        /** The text of a wildcard term before its first wildcard character, escapes resolved. */
        private static String literalPrefix(String pattern) {
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == WildcardQuery.WILDCARD_STRING || c == WildcardQuery.WILDCARD_CHAR) {
                    break;
                }
                if (c == WildcardQuery.WILDCARD_ESCAPE && i + 1 < pattern.length()) {
                    c = pattern.charAt(++i);
                }
                prefix.append(c);
            }
            return prefix.toString();
        }

        private static Requirement union(List<Requirement> parts) {
            Set<String> words = new HashSet<>();
            Set<String> prefixes = new HashSet<>();
            for (Requirement r : parts) {
                if (r.always()) {
                    return ALWAYS;
                }
                words.addAll(r.words());
                prefixes.addAll(r.prefixes());
            }
            return new Requirement(Set.copyOf(words), Set.copyOf(prefixes), false);
        }

        /** Of several requirements that must all hold, any one will do: the one least likely to hold by chance. */
        private static Requirement cheapest(List<Requirement> parts) {
            Requirement best = parts.get(0);
            for (Requirement r : parts) {
                if (r.cost() < best.cost()) {
                    best = r;
                }
            }
            return best;
        }

        /**
         * How often items are likely to contain one of the words. Without word statistics, short words and
         * prefixes are taken as the common ones, and every alternative adds to the cost.
         */
        double cost() {
            if (always) {
                return Double.POSITIVE_INFINITY;
            }
            if (words.isEmpty() && prefixes.isEmpty()) {
                return 0;
            }
            double cost = 0;
            for (String w : words) {
                cost += commonness(w);
            }
            for (String p : prefixes) {
                cost += 2 * commonness(p);
            }
            return cost;
        }

        private static double commonness(String word) {
            return word.length() >= 7 ? 1 : word.length() >= 5 ? 2 : 4;
        }
    }
}
