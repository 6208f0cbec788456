package dev.newsmon.processor.tagging;

import dev.newsmon.common.model.FeedItem;
import dev.newsmon.common.model.MatchedTerm;
import dev.newsmon.common.model.TagMatch;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatcherFactory;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.monitor.ScoringMatch;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Tags items with a Lucene {@link Monitor}: every rule query is registered once, and each item is matched against
 * all of them in one call; only an item that matches is matched again for the hits (and a third time, scoring,
 * when a matched tag sets {@code min_score}). Safe for concurrent use: {@link Monitor#match} is, and the analyzer
 * keeps its per-thread state itself. Close it to stop the monitor's background purge and release its index.
 */
public final class RuleTagger implements Tagger, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RuleTagger.class);
    /** Metadata key of a registered query that holds its tag name. */
    static final String TAG_METADATA = "tag";
    private static final FieldType ANALYZED_WITH_OFFSETS = analyzedWithOffsets();
    private static final Comparator<Span> READING_ORDER = Comparator
            .comparingInt((Span s) -> ItemFields.READING_ORDER.indexOf(s.field()))
            .thenComparingInt(Span::start)
            .thenComparingInt(Span::end);

    private final Rules rules;
    private final Monitor monitor;
    private final Map<String, Registered> byId;
    /** Whether some query names title: or text: itself; only then are those fields indexed. */
    private final boolean titleField;
    private final boolean textField;
    private final Analyzer analyzer;
    private final LongAdder queryErrors = new LongAdder();

    /** Where a monitor query came from; {@code order} keeps file order in results. */
    private record Registered(TagRule tag, RuleQuery query, int order) {
    }

    private record Matched(Registered registered, HighlightsMatch hits) {
    }

    private record Span(String field, int start, int end) {
    }

    /** Where the title ends in the field of both: its last position (-1 when it has no word) and its length. */
    private record TitleExtent(int lastPosition, int length) {
        static final TitleExtent EMPTY = new TitleExtent(-1, 0);
    }

    private RuleTagger(Rules rules, Monitor monitor, Map<String, Registered> byId, Set<String> fields,
                       Analyzer analyzer) {
        this.rules = rules;
        this.monitor = monitor;
        this.byId = byId;
        this.titleField = fields.contains(ItemFields.TITLE);
        this.textField = fields.contains(ItemFields.TEXT);
        this.analyzer = analyzer;
    }

    /** @throws IllegalArgumentException if a query does not parse (rules from {@link RulesLoader} always do) */
    public static RuleTagger create(Rules rules) {
        Map<String, Registered> byId = new HashMap<>();
        List<MonitorQuery> queries = new ArrayList<>();
        Set<String> fields = new HashSet<>();
        for (TagRule tag : rules.tags()) {
            for (RuleQuery q : tag.queries()) {
                String id = tag.name() + "/" + q.name();
                if (byId.putIfAbsent(id, new Registered(tag, q, byId.size())) != null) {
                    throw new IllegalArgumentException("duplicate query id " + id);
                }
                try {
                    Query parsed = RuleQueryParser.parse(q.query());
                    parsed.visit(fieldCollector(fields));
                    queries.add(new MonitorQuery(id, parsed, q.query(), Map.of(TAG_METADATA, tag.name())));
                } catch (ParseException e) {
                    throw new IllegalArgumentException("tag '" + tag.name() + "' query '" + q.name()
                            + "': invalid query: " + e.getMessage(), e);
                }
            }
        }
        Monitor monitor = null;
        Analyzer analyzer = NewsAnalyzer.forDocuments();
        try {
            monitor = new Monitor(analyzer);
            monitor.register(queries);
            LOG.info("tagging rules loaded rules_version={} tags={} queries={}",
                    rules.version(), rules.tags().size(), queries.size());
            return new RuleTagger(rules, monitor, Map.copyOf(byId), fields, analyzer);
        } catch (IOException e) {
            closeQuietlyAfterFailure(monitor, e);
            throw new UncheckedIOException("cannot build the query monitor, rules_version=" + rules.version(), e);
        }
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
        Document doc = new Document();
        doc.add(new Field(ItemFields.ALL, item.title(), ANALYZED_WITH_OFFSETS));
        doc.add(new Field(ItemFields.ALL, item.text(), ANALYZED_WITH_OFFSETS));
        if (titleField) {
            doc.add(new Field(ItemFields.TITLE, item.title(), ANALYZED_WITH_OFFSETS));
        }
        if (textField) {
            doc.add(new Field(ItemFields.TEXT, item.text(), ANALYZED_WITH_OFFSETS));
        }
        // Most items of a news stream match no rule, and finding the hits costs about twice as much as the yes/no
        // answer: ask that first.
        if (match(doc, item, QueryMatch.SIMPLE_MATCHER).getMatchCount() == 0) {
            return new TagResult(List.of(), Map.of(), rules.version());
        }
        MatchingQueries<HighlightsMatch> found = match(doc, item, HighlightsMatch.MATCHER);
        Map<String, Float> scores = needsScores(found) ? scores(doc, item) : Map.of();

        Map<String, List<Matched>> byTag = new TreeMap<>();
        for (HighlightsMatch m : found.getMatches()) {
            Registered r = byId.get(m.getQueryId());
            double minScore = r.tag().minScore();
            if (minScore > 0 && scores.getOrDefault(m.getQueryId(), 0f) < minScore) {
                continue;
            }
            byTag.computeIfAbsent(r.tag().name(), k -> new ArrayList<>()).add(new Matched(r, m));
        }
        Map<String, List<TagMatch>> matches = new LinkedHashMap<>();
        TitleExtent title = byTag.isEmpty() ? TitleExtent.EMPTY : titleExtent(item);
        byTag.forEach((tag, list) -> matches.put(tag, list.stream()
                .sorted(Comparator.comparingInt(x -> x.registered().order()))
                .map(x -> new TagMatch(x.registered().query().name(), terms(item, title, x.hits())))
                .toList()));
        return new TagResult(List.copyOf(byTag.keySet()), matches, rules.version());
    }

    private <T extends QueryMatch> MatchingQueries<T> match(Document doc, FeedItem item, MatcherFactory<T> matcher) {
        MatchingQueries<T> found;
        try {
            found = monitor.match(doc, matcher);
        } catch (IOException e) {
            throw new UncheckedIOException("matching failed item_id=" + item.itemId(), e);
        }
        found.getErrors().forEach((id, e) -> {
            queryErrors.increment();
            LOG.warn("query failed on item, skipped query_id={} item_id={} error={}", id, item.itemId(), e.toString());
        });
        return found;
    }

    /** Scores cost a second pass, so they are computed only when a matched tag asks for a minimum. */
    private boolean needsScores(MatchingQueries<HighlightsMatch> found) {
        return found.getMatches().stream().anyMatch(m -> byId.get(m.getQueryId()).tag().minScore() > 0);
    }

    private Map<String, Float> scores(Document doc, FeedItem item) {
        Map<String, Float> scores = new HashMap<>();
        for (ScoringMatch m : match(doc, item, ScoringMatch.DEFAULT_MATCHER).getMatches()) {
            scores.put(m.getQueryId(), m.getScore());
        }
        return scores;
    }

    /**
     * The hits of one query, in reading order. Overlapping hits (a phrase and a word inside it, matched by two
     * clauses) are merged into one span, so that a dashboard can highlight them without nesting.
     */
    private List<MatchedTerm> terms(FeedItem item, TitleExtent title, HighlightsMatch match) {
        List<Span> hits = new ArrayList<>();
        match.getHits().forEach((field, fieldHits) ->
                fieldHits.forEach(hit -> hits.add(span(field, title, hit))));
        hits.sort(READING_ORDER);
        List<MatchedTerm> merged = new ArrayList<>();
        Span open = null;
        for (Span hit : hits) {
            if (open != null && open.field().equals(hit.field()) && hit.start() < open.end()) {
                open = new Span(open.field(), open.start(), Math.max(open.end(), hit.end()));
            } else {
                if (open != null) {
                    merged.add(term(item, open));
                }
                open = hit;
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
    private Span span(String field, TitleExtent title, HighlightsMatch.Hit hit) {
        if (!ItemFields.ALL.equals(field)) {
            return new Span(field, hit.startOffset, hit.endOffset);
        }
        if (hit.startPosition <= title.lastPosition()) {
            return new Span(ItemFields.TITLE, hit.startOffset, hit.endOffset);
        }
        int shift = title.lastPosition() < 0 ? 0 : title.length() + analyzer.getOffsetGap(ItemFields.ALL);
        return new Span(ItemFields.TEXT, hit.startOffset - shift, hit.endOffset - shift);
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

    private static MatchedTerm term(FeedItem item, Span span) {
        String value = ItemFields.TITLE.equals(span.field()) ? item.title() : item.text();
        return new MatchedTerm(span.field(), value.substring(span.start(), span.end()), span.start(), span.end());
    }

    @Override
    public void close() {
        try {
            monitor.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the query monitor, rules_version=" + rules.version(), e);
        }
    }

    private static void closeQuietlyAfterFailure(Monitor monitor, IOException cause) {
        if (monitor == null) {
            return;
        }
        try {
            monitor.close();
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }

    private static FieldType analyzedWithOffsets() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }
}
