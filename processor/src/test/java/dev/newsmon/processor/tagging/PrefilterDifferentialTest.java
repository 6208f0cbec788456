package dev.newsmon.processor.tagging;

import dev.newsmon.common.model.FeedItem;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The prefilter loses nothing: on every labelled item and on 100,000 generated and mutated ones, the prefiltered
 * tagger gives exactly the result of the same tagger trying every query, and on the labelled items the queries it
 * finds matching are exactly those the Lucene monitor finds on its own.
 */
class PrefilterDifferentialTest {
    private static final Path SHIPPED_RULES = Path.of("..", "config", "rules.yaml");
    private static final int GENERATED = 50_000;
    private static final int MUTATED = 50_000;

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
    void theShippedRulesGiveTheSameResultsWithAndWithoutThePrefilter() throws Exception {
        Rules rules = RulesLoader.load(SHIPPED_RULES);
        List<FeedItem> labelled = labelledItems();
        assertSameResults(rules, labelled, new ItemMutator(7, ItemMutator.wordsOf(rules)));
    }

    @Test
    void generatedRulesGiveTheSameResultsWithAndWithoutThePrefilter() throws Exception {
        List<FeedItem> labelled = labelledItems();
        Rules rules = GeneratedRules.of(labelled, 1_000, 11);
        assertSameResults(rules, labelled, new ItemMutator(13, ItemMutator.wordsOf(rules)));
    }

    private static void assertSameResults(Rules rules, List<FeedItem> labelled, ItemMutator mutator) {
        RuleTagger prefiltered = RuleTagger.create(rules, true);
        RuleTagger exhaustive = RuleTagger.create(rules, false);
        int tagged = 0;
        int compared = 0;
        for (FeedItem item : labelled) {
            tagged += same(prefiltered, exhaustive, item);
            compared++;
        }
        for (int i = 0; i < GENERATED; i++) {
            tagged += same(prefiltered, exhaustive, mutator.generated(i));
            compared++;
        }
        for (int i = 0; i < MUTATED; i++) {
            tagged += same(prefiltered, exhaustive, mutator.mutated(labelled.get(i % labelled.size()), i));
            compared++;
        }
        assertEquals(labelled.size() + GENERATED + MUTATED, compared);
        // A comparison where nothing ever matches proves nothing: the generated items must reach the rules.
        assertTrue(tagged > compared / 20, "items tagged: " + tagged + " of " + compared);
    }

    private static int same(RuleTagger prefiltered, RuleTagger exhaustive, FeedItem item) {
        TagResult expected = exhaustive.tag(item);
        assertEquals(expected, prefiltered.tag(item), () -> "differs on " + item);
        return expected.tagged() ? 1 : 0;
    }

    @Test
    void theQueriesThatMatchAreThoseTheLuceneMonitorFinds() throws Exception {
        Rules rules = RulesLoader.load(SHIPPED_RULES);
        RuleTagger tagger = RuleTagger.create(rules, true);
        List<FeedItem> items = labelledItems();
        ItemMutator mutator = new ItemMutator(17, ItemMutator.wordsOf(rules));
        for (int i = 0; i < 5_000; i++) {
            items.add(mutator.generated(i));
        }
        int matched = 0;
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
                    Query query = RuleQueryParser.parse(q.query());
                    if (q.context() != null) {
                        query = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST)
                                .add(RuleQueryParser.parse(q.context()), BooleanClause.Occur.MUST).build();
                    }
                    queries.add(new MonitorQuery(tag.name() + "/" + q.name(), query));
                }
            }
            monitor.register(queries);
            for (FeedItem item : items) {
                MatchingQueries<QueryMatch> found = monitor.match(document(item), QueryMatch.SIMPLE_MATCHER);
                Set<String> expected = found.getMatches().stream().map(QueryMatch::getQueryId)
                        .collect(Collectors.toCollection(TreeSet::new));
                Set<String> actual = new TreeSet<>();
                tagger.tag(item).relevance().forEach((tag, r) ->
                        r.evidence().forEach(e -> actual.add(tag + "/" + e.query())));
                actual.retainAll(anywhere);
                assertEquals(expected, actual, () -> "matched queries differ on " + item);
                matched += expected.isEmpty() ? 0 : 1;
            }
        }
        assertTrue(matched > 100, "items some query matched: " + matched);
    }

    /** The item as the monitor-based tagger indexed it: title and text in one field, and each alone. */
    private static Document document(FeedItem item) {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        Document doc = new Document();
        doc.add(new Field(ItemFields.ALL, item.title(), type));
        doc.add(new Field(ItemFields.ALL, item.text(), type));
        doc.add(new Field(ItemFields.TITLE, item.title(), type));
        doc.add(new Field(ItemFields.TEXT, item.text(), type));
        return doc;
    }
}
