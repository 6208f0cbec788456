package dev.newsmon.processor.dedup;

import dev.newsmon.processor.Articles;
import dev.newsmon.processor.Syndicated;
import dev.newsmon.processor.normalize.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OverlapTest {
    private static final double THRESHOLD = 0.6;
    private static final Fingerprinter FINGERPRINTER = new Fingerprinter(Boilerplate.builtIn());

    private static Shingles shingles(String title, String text) {
        return FINGERPRINTER.fingerprint("i", Normalizer.clean(title), Normalizer.clean(text)).shingles();
    }

    private static final Shingles WIRE = shingles(Syndicated.WIRE_TITLE, Syndicated.WIRE_TEXT);

    @Test
    void copyEditedCopyIsCoveredWordForWordWhereItsShinglesAreNot() {
        Shingles edited = shingles(Syndicated.EDITED_TITLE, Syndicated.EDITED_TEXT);

        Overlap overlap = Overlap.of(WIRE, edited);
        assertTrue(WIRE.containment(edited) < 0.7, "shingles shared: " + WIRE.containment(edited));
        assertTrue(overlap.similarity() >= 0.8, overlap::toString);
    }

    @Test
    void bodyUnderANewHeadlineAndStandfirstIsACopy() {
        Overlap overlap = Overlap.of(WIRE, shingles(Syndicated.RETITLED_TITLE, Syndicated.RETITLED_TEXT));

        assertFalse(overlap.truncation(), "the standfirst comes first");
        assertEquals(1.0, overlap.shorterCoverage());
        assertTrue(overlap.similarity() >= 0.85, overlap::toString);
    }

    /** First (after the greeting and the item's heading), second, in the middle and last. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 5})
    void newsletterCarryingTheStoryIsNotACopyOfIt(int position) {
        Overlap overlap = Overlap.of(WIRE, shingles(Syndicated.NEWSLETTER_TITLE, Syndicated.newsletter(position)));

        assertEquals(1.0, overlap.shorterCoverage(), "the story is in the newsletter word for word");
        assertFalse(overlap.truncation());
        assertTrue(overlap.similarity() < THRESHOLD, overlap::toString);
    }

    @Test
    void truncatedCopyIsACopyHoweverMuchOfTheOriginalItDrops() {
        Shingles original = shingles(Articles.TITLE, Articles.ORIGINAL_TEXT);
        Overlap blog = Overlap.of(original, shingles(Articles.TITLE, Articles.BLOG_TEXT));

        assertTrue(blog.truncation());
        assertTrue(blog.longerCoverage() < 0.25, blog::toString);
        assertEquals(1.0, blog.similarity());

        // A feed that carries only the first two sentences, with its dateline, against the full text.
        String summary = "HOUSTON (Cosmos Daily) — " + Syndicated.WIRE_TEXT.substring(
                Syndicated.WIRE_TEXT.indexOf("Flight controllers"), Syndicated.WIRE_TEXT.indexOf(" Engineers have"));
        assertEquals(1.0, Overlap.of(shingles(Syndicated.WIRE_TITLE, summary), WIRE).similarity());
    }

    @Test
    void truncationMayStartAfterABylineButNotAfterAGreeting() {
        String body = Syndicated.WIRE_TEXT.substring(Syndicated.WIRE_TEXT.indexOf("Flight controllers"));
        String firstParagraph = body.substring(0, body.indexOf("\n\n"));
        Shingles summary = shingles(Syndicated.WIRE_TITLE, firstParagraph);

        assertTrue(Overlap.of(summary, shingles(Syndicated.WIRE_TITLE, "By Hollis Varga, Kestrel Wire " + body))
                .truncation());
        assertFalse(Overlap.of(summary, shingles(Syndicated.WIRE_TITLE, Syndicated.NEWSLETTER_INTRO
                + " Space station. " + body)).truncation());
    }

    @Test
    void independentReportOfTheSameEventIsFarApart() {
        Overlap own = Overlap.of(WIRE, shingles(Syndicated.OWN_TITLE, Syndicated.OWN_TEXT));
        Overlap older = Overlap.of(shingles(Articles.TITLE, Articles.ORIGINAL_TEXT),
                shingles(Articles.INDEPENDENT_TITLE, Articles.INDEPENDENT_TEXT));

        assertTrue(own.similarity() < 0.15, own::toString);
        assertTrue(older.similarity() < 0.15, older::toString);
    }

    @Test
    void sameValueWhicheverSideAsks() {
        for (String text : List.of(Syndicated.EDITED_TEXT, Syndicated.RETITLED_TEXT, Syndicated.newsletter(0),
                Articles.BLOG_TEXT)) {
            Shingles other = shingles("", text);
            assertEquals(Overlap.of(WIRE, other), Overlap.of(other, WIRE));
        }
        Shingles same = Shingles.inTextOrder(new long[] {7, 8, 9});
        assertEquals(1.0, Overlap.of(same, Shingles.inTextOrder(new long[] {7, 8, 9})).similarity());
    }

    @Test
    void wordsAreCoveredOnceHoweverManyOfTheirShinglesAreShared() {
        // Ten positions (13 words); positions 0-2 and 8 shared: words 0-5 and 8-11 are covered.
        Shingles text = Shingles.inTextOrder(new long[] {1, 2, 3, 40, 41, 42, 43, 44, 5, 45});
        Shingles other = Shingles.inTextOrder(new long[] {1, 2, 3, 5});

        assertEquals(10 / 13.0, Overlap.of(text, other).longerCoverage(), 1e-12);
    }

    @Test
    void setsStoredWithoutPositionsAreComparedByContainment() {
        Shingles earlier = Shingles.unordered(new long[] {1, 2, 3, 4});
        Shingles now = Shingles.inTextOrder(new long[] {9, 1, 2, 3, 8, 7, 6});

        assertEquals(0.75, Overlap.of(earlier, now).similarity());
        assertEquals(0.75, Overlap.of(now, earlier).similarity());
    }
}
