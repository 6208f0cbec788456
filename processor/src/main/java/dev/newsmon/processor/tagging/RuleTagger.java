package dev.newsmon.processor.tagging;

import dev.newsmon.common.model.Evidence;
import dev.newsmon.common.model.FeedItem;
import dev.newsmon.common.model.MatchedTerm;
import dev.newsmon.common.model.TagMatch;
import dev.newsmon.common.model.TagRelevance;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * Tags items with the rules of one rules file, and says why.
 *
 * <p>An item first passes the {@link Prefilter}, which from its words alone rules out every query that cannot match
 * it; most news matches no rule and ends there. The rest is indexed once ({@link ItemIndex}) and each remaining
 * query is matched in one walk that yields its hits and mentions ({@link QueryHits}), then asked whether it also
 * matches in the title alone or in the title and lead: the evidence of its place, scored by {@link Aboutness}. A
 * tag applies when its strongest evidence reaches the tag's relevance threshold.
 *
 * <p>Safe for concurrent use: it holds only immutable parsed (and where possible rewritten) queries, and the
 * analyzer keeps its per-thread state itself.
 */
public final class RuleTagger implements Tagger {
    private static final Logger LOG = LoggerFactory.getLogger(RuleTagger.class);
    private static final Comparator<Span> READING_ORDER = Comparator
            .comparingInt((Span s) -> ItemFields.READING_ORDER.indexOf(s.field()))
            .thenComparingInt(Span::start)
            .thenComparingInt(Span::end);

    private final Rules rules;
    private final List<Compiled> queries;
    private final RewrittenQueries rewritten;
    /** Null when every query is tried on every item: the reference the prefilter is tested against. */
    private final Prefilter prefilter;
    private final Analyzer analyzer;
    /** Whether some query names {@code text:} itself; only then is the text indexed on its own. */
    private final boolean textField;
    private final LongAdder queryErrors = new LongAdder();

    /**
     * One rule query, parsed for each place it is matched in: {@code all} (title and text) decides the match,
     * {@code head} and {@code title} the place of its evidence; {@code context}, when the rule has one, must match
     * too. {@code order} keeps file order in results.
     */
    private record Compiled(TagRule tag, RuleQuery rule, int order, Query all, Query head, Query title,
                            Query context) {
        /** Body mentions for the full score: the query's own number, else its tag's. */
        int mentions() {
            return rule.mentions() > 0 ? rule.mentions() : tag.mentions();
        }

        String id() {
            return tag.name() + "/" + rule.name();
        }
    }

    private record Found(Compiled query, QueryHits hits, Evidence evidence) {
    }

    private record Span(String field, int start, int end) {
    }

    /** Where the title ends in the field of both: its last position (-1 when it has no word) and its length. */
    private record TitleExtent(int lastPosition, int length) {
    }

    private RuleTagger(Rules rules, List<Compiled> queries, Prefilter prefilter, Analyzer analyzer,
                       RewrittenQueries rewritten) {
        this.rules = rules;
        this.queries = queries;
        this.rewritten = rewritten;
        this.prefilter = prefilter;
        this.analyzer = analyzer;
        Set<String> fields = new HashSet<>();
        queries.forEach(q -> required(q).visit(fieldCollector(fields)));
        this.textField = fields.contains(ItemFields.TEXT);
    }

    /** Collects the fields a query searches, the ones under NOT included. */
    private static QueryVisitor fieldCollector(Set<String> fields) {
        return new QueryVisitor() {
            @Override
            public boolean acceptField(String field) {
                fields.add(field);
                return true;
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        };
    }

    /** @throws IllegalArgumentException if a query does not parse (rules from {@link RulesLoader} always do) */
    public static RuleTagger create(Rules rules) {
        return create(rules, true);
    }

    /** @param prefiltered false to try every query on every item, as the differential test's reference does */
    static RuleTagger create(Rules rules, boolean prefiltered) {
        return create(rules, prefiltered, true);
    }

    /**
     * @param rewrittenOnce false to rewrite every query on every item and at every use and to ask each whole, as
     *                      Lucene does by itself: the reference that {@link RewrittenQueries} is tested against
     */
    static RuleTagger create(Rules rules, boolean prefiltered, boolean rewrittenOnce) {
        List<Compiled> queries = new ArrayList<>();
        for (TagRule tag : rules.tags()) {
            for (RuleQuery q : tag.queries()) {
                try {
                    queries.add(new Compiled(tag, q, queries.size(),
                            RuleQueryParser.parse(q.query(), ItemFields.ALL),
                            RuleQueryParser.parse(q.query(), ItemFields.HEAD),
                            RuleQueryParser.parse(q.query(), ItemFields.TITLE),
                            q.context() == null ? null : RuleQueryParser.parse(q.context(), field(q.contextIn()))));
                } catch (ParseException e) {
                    throw new IllegalArgumentException("tag '" + tag.name() + "' query '" + q.name()
                            + "': invalid query: " + RuleQueryParser.describe(e), e);
                }
            }
        }
        Analyzer analyzer = NewsAnalyzer.forDocuments();
        Prefilter prefilter = prefiltered ? Prefilter.of(queries.stream().map(RuleTagger::required).toList(), analyzer)
                : null;
        LOG.info("tagging rules loaded rules_version={} tags={} queries={}",
                rules.version(), rules.tags().size(), queries.size());
        RewrittenQueries rewritten = RewrittenQueries.of(rewrittenOnce ? queries.stream()
                .flatMap(q -> Stream.of(q.all(), q.head(), q.title(), q.context()))
                .filter(Objects::nonNull)
                .toList() : List.of());
        return new RuleTagger(rules, List.copyOf(queries), prefilter, analyzer, rewritten);
    }

    private static String field(RuleQuery.Scope scope) {
        return switch (scope) {
            case TITLE -> ItemFields.TITLE;
            case LEAD -> ItemFields.HEAD;
            case BODY -> ItemFields.ALL;
        };
    }

    /** All that an item must match for the query to count: the query, and its context when it has one. */
    private static Query required(Compiled q) {
        if (q.context() == null) {
            return q.all();
        }
        return new BooleanQuery.Builder()
                .add(q.all(), BooleanClause.Occur.MUST)
                .add(q.context(), BooleanClause.Occur.MUST)
                .build();
    }

    public static RuleTagger load(Path rulesFile) throws RulesException {
        return create(RulesLoader.load(rulesFile));
    }

    public Rules rules() {
        return rules;
    }

    /** Queries that failed on some item since start; each failure is also logged. */
    public long queryErrors() {
        return queryErrors.sum();
    }

    @Override
    public TagResult tag(FeedItem item) {
        BitSet candidates;
        if (prefilter == null) {
            candidates = new BitSet(queries.size());
            candidates.set(0, queries.size());
        } else {
            candidates = prefilter.candidates(item);
        }
        if (candidates.isEmpty()) {
            return TagResult.untagged(rules.version());
        }
        ItemIndex index = ItemIndex.of(item, analyzer, textField, rewritten);
        Map<String, List<Found>> byTag = new LinkedHashMap<>();
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            Compiled q = queries.get(i);
            Found found = match(q, index, item);
            if (found != null) {
                byTag.computeIfAbsent(q.tag().name(), k -> new ArrayList<>()).add(found);
            }
        }
        Map<String, TagRelevance> relevance = new TreeMap<>();
        Map<String, List<TagMatch>> matches = new TreeMap<>();
        TitleExtent title = byTag.isEmpty() ? null : titleExtent(item);
        byTag.forEach((tag, found) -> {
            List<QueryHits.Hit> mentions = new ArrayList<>();
            found.forEach(f -> mentions.addAll(f.hits().mentions()));
            TagRelevance r = Aboutness.relevance(found.get(0).query().tag(),
                    found.stream().map(Found::evidence).toList(), QueryHits.count(mentions));
            relevance.put(tag, r);
            if (r.applies()) {
                matches.put(tag, found.stream()
                        .map(f -> new TagMatch(f.query().rule().name(), terms(item, title, f.hits())))
                        .toList());
            }
        });
        return new TagResult(List.copyOf(matches.keySet()), matches, relevance, rules.version());
    }

    /** The query's evidence on the item, or null when it does not match or its place does not count. */
    private Found match(Compiled q, ItemIndex index, FeedItem item) {
        try {
            QueryHits hits = QueryHits.of(q.all(), index);
            if (hits == null || q.context() != null && !index.matchesAtAll(q.context())) {
                return null;
            }
            double minScore = q.tag().minScore();
            if (minScore > 0 && index.score(q.all()) < minScore) {
                return null;
            }
            RuleQuery.Scope place = index.matchesAtAll(q.title()) ? RuleQuery.Scope.TITLE
                    : index.matchesAtAll(q.head()) ? RuleQuery.Scope.LEAD
                    : RuleQuery.Scope.BODY;
            if (!q.rule().scope().admits(place)) {
                return null;
            }
            int mentions = Math.max(1, hits.mentionCount());
            double score = Aboutness.score(place, mentions, q.mentions());
            return new Found(q, hits, new Evidence(q.rule().name(), place.wireName(), mentions,
                    Math.round(score * 1000) / 1000.0));
        } catch (RuntimeException e) {
            // One query that cannot be evaluated (too many wildcard expansions, say) must not lose the item's
            // other tags: it is skipped for this item, logged and counted.
            queryErrors.increment();
            LOG.warn("query failed on item, skipped query_id={} item_id={} error={}", q.id(), item.itemId(),
                    e.toString());
            return null;
        }
    }

    /**
     * The hits of one query, in reading order. Overlapping hits (a phrase and a word inside it, matched by two
     * clauses) are merged into one span, so that a dashboard can highlight them without nesting.
     */
    private List<MatchedTerm> terms(FeedItem item, TitleExtent title, QueryHits hits) {
        List<Span> spans = new ArrayList<>();
        for (QueryHits.Hit hit : hits.hits()) {
            if (!ItemFields.HEAD.equals(hit.field())) {
                spans.add(span(title, hit));
            }
        }
        spans.sort(READING_ORDER);
        List<MatchedTerm> merged = new ArrayList<>();
        Span open = null;
        for (Span s : spans) {
            if (open != null && open.field().equals(s.field()) && s.start() < open.end()) {
                open = new Span(open.field(), open.start(), Math.max(open.end(), s.end()));
            } else {
                if (open != null) {
                    merged.add(term(item, open));
                }
                open = s;
            }
        }
        if (open != null) {
            merged.add(term(item, open));
        }
        return merged;
    }

    /**
     * A hit's place in the title or the text. In the field of both, the text's offsets continue after the title's
     * length plus the analyzer's offset gap, and its positions after the title's last position; a title without
     * words leaves the field to the text alone.
     */
    private Span span(TitleExtent title, QueryHits.Hit hit) {
        if (!ItemFields.ALL.equals(hit.field())) {
            return new Span(hit.field(), hit.startOffset(), hit.endOffset());
        }
        if (hit.startPosition() <= title.lastPosition()) {
            return new Span(ItemFields.TITLE, hit.startOffset(), hit.endOffset());
        }
        int shift = title.lastPosition() < 0 ? 0 : title.length() + analyzer.getOffsetGap(ItemFields.ALL);
        return new Span(ItemFields.TEXT, hit.startOffset() - shift, hit.endOffset() - shift);
    }

    private TitleExtent titleExtent(FeedItem item) {
        try (TokenStream tokens = analyzer.tokenStream(ItemFields.ALL, item.title())) {
            PositionIncrementAttribute increment = tokens.addAttribute(PositionIncrementAttribute.class);
            tokens.reset();
            int position = -1;
            while (tokens.incrementToken()) {
                position += increment.getPositionIncrement();
            }
            tokens.end();
            return new TitleExtent(position, item.title().length());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse the title item_id=" + item.itemId(), e);
        }
    }

    private static MatchedTerm term(FeedItem item, Span span) {
        String value = ItemFields.TITLE.equals(span.field()) ? item.title() : item.text();
        return new MatchedTerm(span.field(), value.substring(span.start(), span.end()), span.start(), span.end());
    }
}
