package dev.newsmon.processor.tagging;

import dev.newsmon.common.model.FeedItem;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the prefilter rules out, query shape by query shape. That it never rules out a match is shown by
 * {@link PrefilterDifferentialTest}; this shows that it rules out what it can.
 */
class PrefilterTest {
    private static boolean candidate(String query, String title, String text) throws Exception {
        return candidates(List.of(query), title, text).get(0);
    }

    private static List<Boolean> candidates(List<String> queries, String title, String text) throws Exception {
        List<Query> parsed = new ArrayList<>();
        for (String q : queries) {
            parsed.add(RuleQueryParser.parse(q));
        }
        Prefilter prefilter = Prefilter.of(parsed, NewsAnalyzer.forDocuments());
        var found = prefilter.candidates(item(title, text));
        List<Boolean> result = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            result.add(found.get(i));
        }
        return result;
    }

    @Test
    void aPhraseNeedsEveryOneOfItsWords() throws Exception {
        assertFalse(candidate("\"space research institute\"~5", "Council backs research grant", "Students apply."));
        assertTrue(candidate("\"space research institute\"~5", "Council backs research grant",
                "The institute studies space weather."));
    }

    @Test
    void aConjunctionNeedsBothSides() throws Exception {
        assertFalse(candidate("(russia OR moscow) AND (ISS OR \"space station\")", "Russia and the US talk trade",
                "Officials met in Moscow."));
        assertTrue(candidate("(russia OR moscow) AND (ISS OR \"space station\")", "Russia and the ISS",
                "Officials met in Moscow."));
    }

    @Test
    void aDisjunctionOfPhrasesNeedsAWordOfEachPickOfThem() throws Exception {
        String query = "\"russia US\"~12 OR \"moscow nasa\"~12";
        assertFalse(candidate(query, "Russia at the games", "Moscow sends its team."), "no US side at all");
        assertFalse(candidate(query, "US at the games", "NASA sends its team."), "no Russian side at all");
        assertTrue(candidate(query, "Moscow and NASA", "They spoke."));
        assertTrue(candidate(query, "Russia and the US", "They spoke."));
    }

    @Test
    void prefixesAndPlainWordsAreMetByTheItemsWords() throws Exception {
        assertTrue(candidate("cosmonaut* AND soyuz", "Cosmonauts board", "The Soyuz is ready."));
        assertFalse(candidate("cosmonaut* AND soyuz", "Cosmonauts board", "The bus is ready."));
    }

    @Test
    void aQueryWhoseWordsCannotBeKnownIsAlwaysACandidateAndAnOnlyNegativeOneNever() throws Exception {
        assertEquals(List.of(true, false), candidates(List.of("/sta.*on/", "NOT station"), "Nothing here",
                "Nothing at all."));
    }

    @Test
    void aMinimumOfOptionalClausesIsNeededBesideTheRequiredOnes() throws Exception {
        assertFalse(candidate("+station +(orbit module)", "A station", "Of police."),
                "no optional clause required without a minimum");
        assertTrue(candidate("+station +(orbit module)", "A station", "In orbit."));
    }

    @Test
    void theCharacterPassFindsEveryNeedTheAnalysedWordsMeet() throws Exception {
        Rules rules = RulesLoader.load(Path.of("..", "config", "rules.yaml"));
        List<FeedItem> labelled = PrefilterDifferentialTest.labelledItems();
        List<FeedItem> items = new ItemMutator(5, ItemMutator.wordsOf(rules)).withVaried(labelled, 2_000);
        items.add(item("The U.S. and Roscosmos's agencies", "Ёлка на МКС; ﬁnal ＮＡＳＡ notes on the station's crews."));
        List<Query> queries = new ArrayList<>();
        for (TagRule tag : rules.tags()) {
            for (RuleQuery q : tag.queries()) {
                queries.add(PrefilterDifferentialTest.reference(q));
            }
        }
        Prefilter prefilter = Prefilter.of(queries, NewsAnalyzer.forDocuments());
        int met = 0;
        for (FeedItem item : items) {
            BitSet exact = prefilter.met(item);
            BitSet missed = (BitSet) exact.clone();
            missed.andNot(prefilter.possiblyMet(item));
            assertTrue(missed.isEmpty(), () -> "needs " + missed + " met, not found by the character pass: " + item);
            met += exact.isEmpty() ? 0 : 1;
        }
        assertTrue(met > items.size() / 2, "items meeting some need: " + met);
    }

    @Test
    void keysAreFoldedWithoutDotsAndWithoutTheStemmersY() {
        assertEquals("us", NeedGate.key("U.S."));
        assertEquals("agenc", NeedGate.key("agency"));
        assertEquals("roscosmo", NeedGate.key("Roscosmo"));
        assertEquals("ел", NeedGate.key("Ёл"));
        assertEquals("nasa", NeedGate.key("ＮＡＳＡ"));
    }

    private static FeedItem item(String title, String text) {
        return new FeedItem(1, "id-1", "g", "https://outlet.example/feed", "Outlet", "https://outlet.example/1",
                title, text, Instant.EPOCH, Instant.EPOCH);
    }
}
