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
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which rule queries can possibly match an item, decided from its words alone, before any index is built. Most
 * news items contain none of the words a rule needs: they are decided untagged here, at the cost of analysing
 * their text once.
 *
 * <p>Lossless by construction: each query gets needs, all of which every item it matches must meet, and each need
 * is a set of words (whole, or as a prefix) at least one of which such an item contains. {@code a AND b} needs what
 * {@code a} needs and what {@code b} needs; a phrase needs every one of its words; {@code a OR b} needs, for each
 * way of picking one need of {@code a} and one of {@code b}, a word of either. Needing every part of a conjunction,
 * not one, is what keeps out the item that has a phrase's common word ("research", "US") but not the rest, and the
 * item that has a query's words but nothing of its context. The item's words are produced by the very analyzer the
 * queries are matched with. A query part whose words cannot be known in advance (a leading wildcard, a range) needs
 * nothing. The differential test compares this path with the Lucene monitor alone.
 */
final class Prefilter {
    /** How many needs a disjunction keeps: each a different pick from its parts, all of which a match meets. */
    private static final int PICKS = 3;

    private final Analyzer analyzer;
    private final CharArrayMap<int[]> byWord;
    private final CharArrayMap<int[]> byPrefix;
    /** The distinct lengths of the prefixes, so that a word looks up only the prefixes there are. */
    private final int[] prefixLengths;
    private final int needCount;
    /** Per query, the needs an item must all meet; null for a query that matches nothing. */
    private final int[][] needsOf;
    private final BitSet always;
    /** The first look from the characters alone; null when the rules have too many words for it. */
    private final NeedGate gate;

    private Prefilter(Analyzer analyzer, CharArrayMap<int[]> byWord, CharArrayMap<int[]> byPrefix,
                      int[] prefixLengths, int needCount, int[][] needsOf, BitSet always, NeedGate gate) {
        this.analyzer = analyzer;
        this.byWord = byWord;
        this.byPrefix = byPrefix;
        this.prefixLengths = prefixLengths;
        this.needCount = needCount;
        this.needsOf = needsOf;
        this.always = always;
        this.gate = gate;
    }

    /** @param queries the queries by index, as parsed for matching */
    static Prefilter of(List<Query> queries, Analyzer analyzer) {
        Map<Need, Integer> ids = new HashMap<>();
        Map<String, List<Integer>> words = new HashMap<>();
        Map<String, List<Integer>> prefixes = new HashMap<>();
        int[][] needsOf = new int[queries.size()][];
        BitSet always = new BitSet(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            Requirement r = Requirement.of(queries.get(i));
            if (r.never()) {
                continue;
            }
            if (r.needs().isEmpty()) {
                always.set(i);
            }
            needsOf[i] = r.needs().stream().mapToInt(need -> ids.computeIfAbsent(need, n -> {
                int id = ids.size();
                n.words().forEach(w -> words.computeIfAbsent(w, k -> new ArrayList<>()).add(id));
                n.prefixes().forEach(p -> prefixes.computeIfAbsent(p, k -> new ArrayList<>()).add(id));
                return id;
            })).toArray();
        }
        Set<Integer> lengths = new TreeSet<>();
        prefixes.keySet().forEach(p -> lengths.add(p.length()));
        Need[] byId = new Need[ids.size()];
        ids.forEach((need, id) -> byId[id] = need);
        return new Prefilter(analyzer, index(words), index(prefixes),
                lengths.stream().mapToInt(Integer::intValue).toArray(), ids.size(), needsOf, always,
                NeedGate.of(List.of(byId)));
    }

    private static CharArrayMap<int[]> index(Map<String, List<Integer>> lists) {
        CharArrayMap<int[]> map = new CharArrayMap<>(Math.max(1, lists.size()), false);
        lists.forEach((k, v) -> map.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        return map;
    }

    /** The indices of the queries that may match the item; empty when none can. */
    BitSet candidates(FeedItem item) {
        BitSet found = (BitSet) always.clone();
        if (gate != null && !anyMeets(possiblyMet(item))) {
            return found;
        }
        BitSet met = met(item);
        if (!met.isEmpty()) {
            for (int q = 0; q < needsOf.length; q++) {
                if (meets(q, met)) {
                    found.set(q);
                }
            }
        }
        return found;
    }

    /** The needs the item meets, by its analysed words. */
    BitSet met(FeedItem item) {
        BitSet met = new BitSet(needCount);
        scan(item.title(), met);
        scan(item.text(), met);
        return met;
    }

    /** A superset of {@link #met}, from the item's characters alone: every need when there is no gate. */
    BitSet possiblyMet(FeedItem item) {
        if (gate == null) {
            BitSet all = new BitSet(needCount);
            all.set(0, needCount);
            return all;
        }
        return gate.possiblyMet(item);
    }

    private boolean anyMeets(BitSet met) {
        for (int q = 0; q < needsOf.length; q++) {
            if (meets(q, met)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a query other than those tried on every item has all its needs met. */
    private boolean meets(int query, BitSet met) {
        int[] needs = needsOf[query];
        return needs != null && needs.length > 0 && allMet(needs, met);
    }

    private static boolean allMet(int[] needs, BitSet met) {
        for (int need : needs) {
            if (!met.get(need)) {
                return false;
            }
        }
        return true;
    }

    private void scan(String value, BitSet met) {
        if (value.isEmpty()) {
            return;
        }
        try (TokenStream tokens = analyzer.tokenStream(ItemFields.ALL, value)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                char[] buffer = term.buffer();
                int length = term.length();
                mark(byWord.get(buffer, 0, length), met);
                for (int prefix : prefixLengths) {
                    if (prefix > length) {
                        break;
                    }
                    mark(byPrefix.get(buffer, 0, prefix), met);
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse an item's text", e);
        }
    }

    private static void mark(int[] needs, BitSet met) {
        if (needs != null) {
            for (int n : needs) {
                met.set(n);
            }
        }
    }

    /** Words of which a matching item contains at least one: whole words, or words that start with a prefix. */
    record Need(Set<String> words, Set<String> prefixes) {
        static Need word(String word) {
            return new Need(Set.of(word), Set.of());
        }

        static Need anyOf(List<Need> needs) {
            Set<String> words = new HashSet<>();
            Set<String> prefixes = new HashSet<>();
            needs.forEach(n -> {
                words.addAll(n.words());
                prefixes.addAll(n.prefixes());
            });
            return new Need(Set.copyOf(words), Set.copyOf(prefixes));
        }

        /**
         * How often items are likely to contain one of the words. Without word statistics, short words and
         * prefixes are taken as the common ones, and every alternative adds to the cost.
         */
        double cost() {
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

    /**
     * The needs a matching item meets, rarest first; none when the query's words cannot be known, and {@code never}
     * for a query that matches nothing (only negative clauses).
     */
    record Requirement(List<Need> needs, boolean never) {
        static final Requirement ALWAYS = new Requirement(List.of(), false);
        static final Requirement NEVER = new Requirement(List.of(), true);

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
                return allOf(Arrays.stream(p.getTerms()).map(Requirement::word).toList());
            }
            if (query instanceof MultiPhraseQuery m) {
                List<Requirement> positions = new ArrayList<>();
                for (Term[] alternatives : m.getTermArrays()) {
                    positions.add(anyOf(Arrays.stream(alternatives).map(Requirement::word).toList()));
                }
                return allOf(positions);
            }
            if (query instanceof SynonymQuery s) {
                return anyOf(s.getTerms().stream().map(Requirement::word).toList());
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
            if (required.isEmpty()) {
                return optional.isEmpty() ? NEVER : anyOf(optional);
            }
            // Beside required clauses, optional ones must match only when a minimum number of them is set.
            if (query.getMinimumNumberShouldMatch() > 0 && !optional.isEmpty()) {
                required.add(anyOf(optional));
            }
            return allOf(required);
        }

        private static Requirement word(Term term) {
            return new Requirement(List.of(Need.word(term.text())), false);
        }

        private static Requirement prefix(String prefix) {
            return prefix.isEmpty() ? ALWAYS : new Requirement(List.of(new Need(Set.of(), Set.of(prefix))), false);
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

        /** Every part must hold: the needs of all of them. */
        private static Requirement allOf(List<Requirement> parts) {
            Set<Need> needs = new LinkedHashSet<>();
            for (Requirement r : parts) {
                if (r.never()) {
                    return NEVER;
                }
                needs.addAll(r.needs());
            }
            return rarestFirst(needs);
        }

        /**
         * One part must hold. Whichever it is, the item meets every need of that part, so for any pick of one need
         * per part the item contains a word of their union; the picks kept are the parts' rarest needs, their
         * second rarest, and so on, a part with fewer needs giving its last again.
         */
        private static Requirement anyOf(List<Requirement> parts) {
            List<Requirement> possible = parts.stream().filter(r -> !r.never()).toList();
            if (possible.isEmpty()) {
                return NEVER;
            }
            int picks = 0;
            for (Requirement r : possible) {
                if (r.needs().isEmpty()) {
                    return ALWAYS;
                }
                picks = Math.max(picks, r.needs().size());
            }
            Set<Need> needs = new LinkedHashSet<>();
            for (int pick = 0; pick < Math.min(picks, PICKS); pick++) {
                int k = pick;
                needs.add(Need.anyOf(possible.stream()
                        .map(r -> r.needs().get(Math.min(k, r.needs().size() - 1))).toList()));
            }
            return rarestFirst(needs);
        }

        private static Requirement rarestFirst(Set<Need> needs) {
            List<Need> sorted = new ArrayList<>(needs);
            sorted.sort(Comparator.comparingDouble(Need::cost));
            return new Requirement(List.copyOf(sorted), false);
        }
    }
}
