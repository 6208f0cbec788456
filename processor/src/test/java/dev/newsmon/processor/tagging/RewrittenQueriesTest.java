package dev.newsmon.processor.tagging;

import dev.newsmon.common.model.FeedItem;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rewriting a rule query once, when the rules are loaded, is what rewriting it on each item would give: the same
 * query on every labelled item, which rewriting again leaves as it is. With the boolean queries rewritten once asked
 * clause by clause, the tagger gives the same full results as when Lucene rewrites and asks each query whole.
 */
class RewrittenQueriesTest {
    private static final Path SHIPPED_RULES = Path.of("..", "config", "rules.yaml");

    @Test
    void onEveryLabelledItemTheTaggerGivesTheResultOfAskingLuceneEachQueryAsParsed() throws Exception {
        PrefilterDifferentialTest.assertSameOnLabelled(rules -> RuleTagger.create(rules, true, false),
                rules -> RuleTagger.create(rules, true, true));
    }

    @Test
    void everyPartOfTheShippedRulesIsRewrittenOnceToWhatEveryItemRewritesItTo() throws Exception {
        List<Query> parsed = new ArrayList<>();
        for (TagRule tag : RulesLoader.load(SHIPPED_RULES).tags()) {
            for (RuleQuery q : tag.queries()) {
                for (String field : List.of(ItemFields.ALL, ItemFields.HEAD, ItemFields.TITLE)) {
                    parsed.add(RuleQueryParser.parse(q.query(), field));
                    if (q.context() != null) {
                        parsed.add(RuleQueryParser.parse(q.context(), field));
                    }
                }
            }
        }
        RewrittenQueries rewritten = RewrittenQueries.of(parsed);
        List<Query> parts = new ArrayList<>();
        parsed.forEach(q -> addParts(q, parts));
        List<Query> once = new ArrayList<>();
        for (Query part : parts) {
            once.add(rewritten.rewrite(part, notRewriting()));
        }
        for (FeedItem item : PrefilterDifferentialTest.labelledItems()) {
            IndexSearcher searcher = searcher(item);
            for (int i = 0; i < parts.size(); i++) {
                Query expected = searcher.rewrite(parts.get(i));
                assertEquals(expected, once.get(i), parts.get(i) + " on " + item.itemId());
                assertSame(once.get(i), searcher.rewrite(once.get(i)), parts.get(i) + " rewritten again");
            }
        }
    }

    /** A fuzzy term becomes the index's words near it: an empty index has none, so it must wait for the item. */
    @Test
    void aQueryWhoseRewriteReadsTheIndexIsRewrittenOnEachItem() throws Exception {
        Query fuzzy = RuleQueryParser.parse("statoin~1 OR outpost");
        assertFalse(RewrittenQueries.readsNoIndex(fuzzy));
        assertTrue(RewrittenQueries.readsNoIndex(RuleQueryParser.parse("astronaut* OR \"space station\"~2")));
        Rules rules = RulesLoader.parse(("version: fuzzy\ntags:\n  station:\n    queries:\n      - name: misspelt\n"
                + "        query: 'statoin~1 OR outpost'\n").getBytes(StandardCharsets.UTF_8), "fuzzy");
        FeedItem item = new FeedItem(FeedItem.SCHEMA_VERSION, "fuzzy-1", null, "https://orbit-desk.example/feed",
                "Orbit Desk", "https://orbit-desk.example/fuzzy-1", "Crew returns to the station",
                "The capsule undocked at dawn.", null, Instant.EPOCH);
        assertEquals(List.of("station"), RuleTagger.create(rules).tag(item).tags());
    }

    /** Asked clause by clause, a boolean query matches where Lucene, asking it whole, says it matches. */
    @Test
    void aBooleanQueryAskedClauseByClauseMatchesWhereItMatchesWhole() throws Exception {
        List<Query> queries = new ArrayList<>();
        for (String q : List.of("nasa OR soyuz", "nasa AND soyuz", "nasa NOT soyuz", "-nasa", "+nasa soyuz",
                "(nasa NOT (soyuz NOT dragon)) OR station*", "title:nasa AND (soyuz OR \"crew dragon\"~3)")) {
            queries.add(RuleQueryParser.parse(q));
        }
        for (int least = 0; least <= 3; least++) {
            queries.add(new BooleanQuery.Builder().setMinimumNumberShouldMatch(least)
                    .add(RuleQueryParser.parse("nasa"), BooleanClause.Occur.SHOULD)
                    .add(RuleQueryParser.parse("soyuz"), BooleanClause.Occur.SHOULD)
                    .add(RuleQueryParser.parse("dragon"), BooleanClause.Occur.SHOULD)
                    .add(RuleQueryParser.parse("station"), BooleanClause.Occur.FILTER)
                    .build());
        }
        RewrittenQueries once = RewrittenQueries.of(queries);
        RewrittenQueries none = RewrittenQueries.of(List.of());
        NewsAnalyzer analyzer = NewsAnalyzer.forDocuments();
        int matched = 0;
        int asked = 0;
        for (String title : List.of("NASA crew", "Soyuz lands", "", "Station news")) {
            for (String text : List.of("The Soyuz and the Crew Dragon docked at the station.", "NASA said so.",
                    "A dragon dance at the station.", "")) {
                FeedItem item = new FeedItem(FeedItem.SCHEMA_VERSION, "b-" + asked++, null, "https://x.example/f",
                        "X", "https://x.example/" + asked, title, text, null, Instant.EPOCH);
                ItemIndex clauseByClause = ItemIndex.of(item, analyzer, true, once);
                ItemIndex whole = ItemIndex.of(item, analyzer, true, none);
                for (Query q : queries) {
                    boolean expected = whole.matchesAtAll(q);
                    assertEquals(expected, clauseByClause.matchesAtAll(q), q + " on " + title + " | " + text);
                    matched += expected ? 1 : 0;
                }
            }
        }
        assertTrue(matched > 20 && matched < asked * queries.size() - 20, "matched " + matched);
    }

    /** Every query the matcher may ask on its own: the query and, down its tree, each clause. */
    private static void addParts(Query query, List<Query> parts) {
        parts.add(query);
        if (query instanceof BooleanQuery bool) {
            bool.clauses().forEach(c -> addParts(c.getQuery(), parts));
        } else if (query instanceof BoostQuery boost) {
            addParts(boost.getQuery(), parts);
        } else if (query instanceof ConstantScoreQuery constant) {
            addParts(constant.getQuery(), parts);
        }
    }

    /** A searcher that fails if asked to rewrite: the query must have been rewritten already. */
    private static IndexSearcher notRewriting() {
        return new IndexSearcher(new MemoryIndex().createSearcher().getIndexReader()) {
            @Override
            public Query rewrite(Query original) {
                throw new AssertionError("not rewritten once: " + original);
            }
        };
    }

    /** The item with the fields rules search, each holding what its name says. */
    private static IndexSearcher searcher(FeedItem item) {
        NewsAnalyzer analyzer = NewsAnalyzer.forDocuments();
        MemoryIndex index = new MemoryIndex(true, false);
        index.addField(ItemFields.ALL, item.title() + "\n" + item.text(), analyzer);
        index.addField(ItemFields.TITLE, item.title(), analyzer);
        index.addField(ItemFields.TEXT, item.text(), analyzer);
        index.addField(ItemFields.HEAD, item.title() + "\n" + ItemFields.lead(item.text()), analyzer);
        return index.createSearcher();
    }
}
