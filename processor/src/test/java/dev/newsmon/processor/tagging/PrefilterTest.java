package dev.newsmon.processor.tagging;

import dev.newsmon.common.model.FeedItem;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
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
        var found = prefilter.candidates(new FeedItem(1, "id-1", "g", "https://outlet.example/feed", "Outlet",
                "https://outlet.example/1", title, text, Instant.EPOCH, Instant.EPOCH));
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
}
