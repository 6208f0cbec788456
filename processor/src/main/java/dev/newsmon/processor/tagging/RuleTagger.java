package dev.newsmon.processor.tagging;

import dev.newsmon.common.model.FeedItem;
import dev.newsmon.common.model.MatchedTerm;
import dev.newsmon.common.model.TagMatch;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Tags items with a Lucene {@link Monitor}: every rule query is registered once, and each item is matched against
 * all of them in one call (a second, scoring call only when a matched tag sets {@code min_score}). Safe for
 * concurrent use: {@link Monitor#match} is, and the analyzer keeps its per-thread state itself. Close it to stop
 * the monitor's background purge and release its index.
 */
public final class RuleTagger implements Tagger, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RuleTagger.class);
    /** Metadata key of a registered query that holds its tag name. */
    static final String TAG_METADATA = "tag";
    private static final FieldType ANALYZED_WITH_OFFSETS = analyzedWithOffsets();
    private static final Comparator<Span> READING_ORDER = Comparator
            .comparingInt((Span s) -> ItemFields.DEFAULT.indexOf(s.field()))
            .thenComparingInt(Span::start)
            .thenComparingInt(Span::end);

    private final Rules rules;
    private final Monitor monitor;
    private final Map<String, Registered> byId;
    private final LongAdder queryErrors = new LongAdder();

    /** Where a monitor query came from; {@code order} keeps file order in results. */
    private record Registered(TagRule tag, RuleQuery query, int order) {
    }

    private record Matched(Registered registered, HighlightsMatch hits) {
    }

    private record Span(String field, int start, int end) {
    }

    private RuleTagger(Rules rules, Monitor monitor, Map<String, Registered> byId) {
        this.rules = rules;
        this.monitor = monitor;
        this.byId = byId;
    }

    /** @throws IllegalArgumentException if a query does not parse (rules from {@link RulesLoader} always do) */
    public static RuleTagger create(Rules rules) {
        Map<String, Registered> byId = new HashMap<>();
        List<MonitorQuery> queries = new ArrayList<>();
        for (TagRule tag : rules.tags()) {
            for (RuleQuery q : tag.queries()) {
                String id = tag.name() + "/" + q.name();
                if (byId.putIfAbsent(id, new Registered(tag, q, byId.size())) != null) {
                    throw new IllegalArgumentException("duplicate query id " + id);
                }
                try {
                    queries.add(new MonitorQuery(id, RuleQueryParser.parse(q.query()), q.query(),
                            Map.of(TAG_METADATA, tag.name())));
                } catch (ParseException e) {
                    throw new IllegalArgumentException("tag '" + tag.name() + "' query '" + q.name()
                            + "': invalid query: " + e.getMessage(), e);
                }
            }
        }
        Monitor monitor = null;
        try {
            monitor = new Monitor(NewsAnalyzer.forDocuments());
            monitor.register(queries);
            LOG.info("tagging rules loaded rules_version={} tags={} queries={}",
                    rules.version(), rules.tags().size(), queries.size());
            return new RuleTagger(rules, monitor, Map.copyOf(byId));
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
        doc.add(new Field(ItemFields.TITLE, item.title(), ANALYZED_WITH_OFFSETS));
        doc.add(new Field(ItemFields.TEXT, item.text(), ANALYZED_WITH_OFFSETS));
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
        byTag.forEach((tag, list) -> matches.put(tag, list.stream()
                .sorted(Comparator.comparingInt(x -> x.registered().order()))
                .map(x -> new TagMatch(x.registered().query().name(), terms(item, x.hits())))
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
    private static List<MatchedTerm> terms(FeedItem item, HighlightsMatch match) {
        List<Span> hits = new ArrayList<>();
        match.getHits().forEach((field, fieldHits) ->
                fieldHits.forEach(hit -> hits.add(new Span(field, hit.startOffset, hit.endOffset))));
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
