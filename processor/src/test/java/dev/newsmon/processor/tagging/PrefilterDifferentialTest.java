package dev.newsmon.processor.tagging;

import dev.newsmon.common.model.FeedItem;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.monitor.MultiMatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The prefilter loses nothing. On every labelled item the prefiltered tagger gives exactly the result of the same
 * tagger trying every query; and on those items and on generated and mutated ones, the queries it finds matching
 * are exactly those the Lucene monitor finds on its own (its own presearcher, no prefilter of ours). The unit phase
 * compares 4,000 generated and mutated items; {@link PrefilterDifferentialIT} runs the same on 100,000. The items
 * are English and Russian (the Russian corpus, and Russian words in other cases, with ё, in capitals), so both
 * analyses are compared.
 */
class PrefilterDifferentialTest {
    private static final Path SHIPPED_RULES = Path.of("..", "config", "rules.yaml");
    private static final int VARIED_ITEMS = 4_000;
    /** The exhaustive reference tries a thousand queries an item: fewer items keep it to seconds. */
    private static final int GENERATED_RULES_ITEMS = 2_000;
    private static final int MONITOR_BATCH = 64;

    static List<FeedItem> labelledItems() throws IOException {
        List<Path> files;
        try (Stream<Path> found = Files.walk(Path.of("..", "corpus"))) {
            files = found.filter(p -> p.getFileName().toString().equals("items.jsonl")).sorted().toList();
        }
        List<FeedItem> items = new ArrayList<>();
        for (Path f : files) {
            JsonlItems.read(f, items::add);
        }
        assertTrue(items.size() >= 500, "labelled items found: " + items.size());
        return items;
    }

    @Test
    void onEveryLabelledItemThePrefilteredTaggerGivesTheExhaustiveResult() throws Exception {
        assertSameOnLabelled(rules -> RuleTagger.create(rules, false), rules -> RuleTagger.create(rules, true));
    }

    /**
     * With the shipped rules and with 1,000 generated ones, the tested tagger gives the reference's result on every
     * labelled item, of which many are tagged.
     */
    static void assertSameOnLabelled(Function<Rules, RuleTagger> reference, Function<Rules, RuleTagger> tested)
            throws Exception {
        List<FeedItem> labelled = labelledItems();
        for (Rules rules : List.of(RulesLoader.load(SHIPPED_RULES), GeneratedRules.of(labelled, 1_000, 11))) {
            RuleTagger expectedTagger = reference.apply(rules);
            RuleTagger actualTagger = tested.apply(rules);
            int tagged = 0;
            for (FeedItem item : labelled) {
                TagResult expected = expectedTagger.tag(item);
                assertEquals(expected, actualTagger.tag(item), () -> "differs on " + item);
                tagged += expected.tagged() ? 1 : 0;
            }
            assertTrue(tagged > 50, rules.version() + ": items tagged " + tagged);
        }
    }

    @Test
    void theShippedRulesMatchWhatTheMonitorMatchesOnGeneratedAndMutatedItems() throws Exception {
        assertShippedRulesMatchTheMonitor(VARIED_ITEMS, 7);
    }

    /** The shipped rules on the labelled items and {@code varied} generated and mutated ones, half of each. */
    static void assertShippedRulesMatchTheMonitor(int varied, long seed) throws Exception {
        Rules rules = RulesLoader.load(SHIPPED_RULES);
        List<FeedItem> labelled = labelledItems();
        assertSameMatches(rules, new ItemMutator(seed, ItemMutator.wordsOf(rules)).withVaried(labelled, varied));
    }

    @Test
    void generatedRulesMatchWhatTheMonitorMatches() throws Exception {
        List<FeedItem> labelled = labelledItems();
        Rules rules = GeneratedRules.of(labelled, 1_000, 11);
        assertSameMatches(rules, new ItemMutator(13, ItemMutator.wordsOf(rules))
                .withVaried(labelled, GENERATED_RULES_ITEMS));
    }

    private static void assertSameMatches(Rules rules, List<FeedItem> items) throws Exception {
        RuleTagger tagger = RuleTagger.create(rules, true);
        LongAdder matched = new LongAdder();
        LongAdder russian = new LongAdder();
        LongAdder matchedRussian = new LongAdder();
        try (Monitor monitor = new Monitor(NewsAnalyzer.forDocuments())) {
            List<MonitorQuery> queries = new ArrayList<>();
            Set<String> anywhere = new TreeSet<>();
            for (TagRule tag : rules.tags()) {
                for (RuleQuery q : tag.queries()) {
                    // A query limited to the title or lead gives no evidence from a match elsewhere, so the
                    // evidence shows every match only of the queries that count anywhere.
                    if (q.scope() != RuleQuery.Scope.BODY) {
                        continue;
                    }
                    anywhere.add(tag.name() + "/" + q.name());
                    queries.add(new MonitorQuery(tag.name() + "/" + q.name(), reference(q)));
                }
            }
            monitor.register(queries);
            // Both the monitor and the tagger match from several threads, as the processor's stream threads do;
            // items are independent, so the comparison uses every core. The monitor takes them in batches (one
            // index and one presearch a batch: several times cheaper than one item at a time); it matches each
            // document of a batch on its own, so a batch changes no result.
            IntStream.range(0, (items.size() + MONITOR_BATCH - 1) / MONITOR_BATCH).parallel().forEach(b -> {
                List<FeedItem> batch = items.subList(b * MONITOR_BATCH,
                        Math.min(items.size(), (b + 1) * MONITOR_BATCH));
                List<Set<String>> monitored = monitorMatches(monitor, batch);
                for (int i = 0; i < batch.size(); i++) {
                    FeedItem item = batch.get(i);
                    Set<String> expected = monitored.get(i);
                    Set<String> actual = new TreeSet<>();
                    tagger.tag(item).relevance().forEach((tag, r) ->
                            r.evidence().forEach(e -> actual.add(tag + "/" + e.query())));
                    actual.retainAll(anywhere);
                    assertEquals(expected, actual, () -> "matched queries differ on " + item);
                    matched.add(expected.isEmpty() ? 0 : 1);
                    if (ItemLanguage.of(item).equals(ItemLanguage.RUSSIAN)) {
                        russian.increment();
                        matchedRussian.add(expected.isEmpty() ? 0 : 1);
                    }
                }
            });
        }
        // A comparison where nothing ever matches proves nothing: the items, in both languages, must reach the rules.
        assertTrue(matched.sum() > items.size() / 20, "items some query matched: " + matched + " of " + items.size());
        assertTrue(matchedRussian.sum() > russian.sum() / 20, "Russian items some query matched: " + matchedRussian
                + " of " + russian);
    }

    /** The queries the monitor finds matching each item of the batch, in the batch's order. */
    private static List<Set<String>> monitorMatches(Monitor monitor, List<FeedItem> batch) {
        try {
            MultiMatchingQueries<QueryMatch> found = monitor.match(
                    batch.stream().map(PrefilterDifferentialTest::document).toArray(Document[]::new),
                    QueryMatch.SIMPLE_MATCHER);
            return IntStream.range(0, batch.size()).<Set<String>>mapToObj(i -> found.getMatches(i).stream()
                    .map(QueryMatch::getQueryId).collect(Collectors.toCollection(TreeSet::new))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rule as one Lucene query: the query, and its context in the place the rule names. */
    static Query reference(RuleQuery q) throws Exception {
        Query query = RuleQueryParser.parse(q.query());
        if (q.context() == null) {
            return query;
        }
        String field = switch (q.contextIn()) {
            case TITLE -> ItemFields.TITLE;
            case LEAD -> ItemFields.HEAD;
            case BODY -> ItemFields.ALL;
        };
        return new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST)
                .add(RuleQueryParser.parse(q.context(), field), BooleanClause.Occur.MUST).build();
    }

    /** The item with the fields rules search, built the way a Lucene index would take it. */
    private static Document document(FeedItem item) {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        Document doc = new Document();
        doc.add(new Field(ItemFields.ALL, item.title(), type));
        doc.add(new Field(ItemFields.ALL, item.text(), type));
        doc.add(new Field(ItemFields.TITLE, item.title(), type));
        doc.add(new Field(ItemFields.TEXT, item.text(), type));
        doc.add(new Field(ItemFields.HEAD, item.title(), type));
        doc.add(new Field(ItemFields.HEAD, ItemFields.lead(item.text()), type));
        return doc;
    }
}
