package dev.newsmon.processor.dedup;

import dev.newsmon.processor.Syndicated;
import dev.newsmon.processor.normalize.Normalizer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.newsmon.processor.Articles.BLOG_TEXT;
import static dev.newsmon.processor.Articles.INDEPENDENT_TEXT;
import static dev.newsmon.processor.Articles.INDEPENDENT_TITLE;
import static dev.newsmon.processor.Articles.ORIGINAL_TEXT;
import static dev.newsmon.processor.Articles.TITLE;
import static dev.newsmon.processor.Articles.WIRE_TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FingerprinterTest {
    private static final Boilerplate BOILERPLATE = Boilerplate.builtIn();
    private static final Fingerprinter FINGERPRINTER = new Fingerprinter(BOILERPLATE);

    private static Fingerprint fp(String id, String title, String text) {
        return FINGERPRINTER.fingerprint(id, Normalizer.clean(title), Normalizer.clean(text));
    }

    @Test
    void boilerplateIsStripped() {
        String text = "HOUSTON, Texas (Lakeside Press) — Crews checked the hatch seals on Friday. Contact: Dana Wells,"
                + " +1 555 0100, press@lakeside-press.example More text follows. © 2026 Lakeside Press. All rights"
                + " reserved. Read more… The post Hatch seals checked appeared first on Lakeside Press.";

        assertEquals("Crews checked the hatch seals on Friday. More text follows.",
                BOILERPLATE.stripText(text).replaceAll("\\s+", " "));
    }

    @Test
    void datelineWithoutOutletIsStripped() {
        assertEquals("Officials met on Monday.", BOILERPLATE.stripText("WASHINGTON — Officials met on Monday."));
    }

    @Test
    void ordinaryOpeningIsKept() {
        String text = "NASA and Roscosmos officials met on Monday - and agreed on little.";
        assertEquals(text, BOILERPLATE.stripText(text));
    }

    @Test
    void headlineSuffixIsStrippedButShortHeadlinesKeepTheirDash() {
        assertEquals("Crew swap planned for spring launch window",
                BOILERPLATE.stripTitle("Crew swap planned for spring launch window | Orbital Wire"));
        assertEquals("Russia - US talks resume", BOILERPLATE.stripTitle("Russia - US talks resume"));
    }

    @Test
    void wireCopyWithDatelineFooterAndSuffixHasTheOriginalsFingerprint() {
        Fingerprint original = fp("o", TITLE, ORIGINAL_TEXT);
        Fingerprint wire = fp("w", TITLE + " | Orbital Wire", WIRE_TEXT);

        assertEquals(original.bandKeys(), wire.bandKeys());
        assertEquals(1.0, original.shingles().containment(wire.shingles()));
    }

    @Test
    void russianCopyWithoutYoHasTheOriginalsFingerprint() {
        Fingerprint original = fp("o", "Экипаж ещё на орбите", "Полёт продлён на месяц: корабль привёз всё нужное.");
        Fingerprint copy = fp("c", "Экипаж еще на орбите", "Полет продлен на месяц: корабль привез все нужное.");

        assertEquals(original, copy);
    }

    @Test
    void truncatedCopyIsContainedAndSharesTheLeadBands() {
        Fingerprint original = fp("o", TITLE, ORIGINAL_TEXT);
        Fingerprint blog = fp("b", TITLE, BLOG_TEXT);

        assertTrue(blog.shingles().length() * 3 < original.shingles().length(), "the blog keeps a small part");
        assertEquals(1.0, blog.shingles().containment(original.shingles()));
        assertEquals(original.bandKeys().subList(0, Fingerprinter.LEAD_BANDS),
                blog.bandKeys().subList(0, Fingerprinter.LEAD_BANDS));
    }

    @Test
    void independentReportIsNotSimilar() {
        Fingerprint original = fp("o", TITLE, ORIGINAL_TEXT);
        Fingerprint own = fp("i", INDEPENDENT_TITLE, INDEPENDENT_TEXT);

        double similarity = original.shingles().containment(own.shingles());
        assertTrue(similarity < 0.2, "similarity " + similarity);
        assertFalse(original.bandKeys().subList(0, Fingerprinter.LEAD_BANDS).stream()
                .anyMatch(own.bandKeys()::contains));
    }

    @Test
    void aNewHeadlineAloneLeavesTheLeadBandsAsTheyAre() {
        Fingerprint wire = fp("w", Syndicated.WIRE_TITLE, Syndicated.WIRE_TEXT);
        Fingerprint retitled = fp("r", Syndicated.RETITLED_TITLE, Syndicated.WIRE_TEXT);

        assertEquals(lead(wire), lead(retitled));
        assertFalse(title(wire).stream().anyMatch(title(retitled)::contains));
    }

    @Test
    void bodyUnderANewHeadlineAndStandfirstIsFoundByItsBodyBands() {
        Fingerprint wire = fp("w", Syndicated.WIRE_TITLE, Syndicated.WIRE_TEXT);
        Fingerprint paper = fp("p", Syndicated.RETITLED_TITLE, Syndicated.RETITLED_TEXT);

        // The standfirst and byline push the wire's lead back by 30 words; the headline shares no word.
        assertFalse(lead(wire).stream().anyMatch(lead(paper)::contains));
        assertFalse(title(wire).stream().anyMatch(title(paper)::contains));
        assertTrue(body(wire).stream().filter(body(paper)::contains).count() >= Fingerprinter.BODY_BANDS / 2,
                () -> "body bands shared: " + body(wire).stream().filter(body(paper)::contains).toList());
    }

    @Test
    void copyEditedCopyIsFoundByItsBodyBands() {
        Fingerprint wire = fp("w", Syndicated.WIRE_TITLE, Syndicated.WIRE_TEXT);
        Fingerprint edited = fp("e", Syndicated.EDITED_TITLE, Syndicated.EDITED_TEXT);

        assertFalse(lead(wire).stream().anyMatch(lead(edited)::contains), "edits in nearly every lead band");
        assertTrue(body(wire).stream().anyMatch(body(edited)::contains));
    }

    @Test
    void bandsOfEarlierVersionsKeepTheirKeys() {
        // Band buckets stored before the body bands were added are still probed with the lead and title bands.
        Fingerprint wire = fp("w", Syndicated.WIRE_TITLE, Syndicated.WIRE_TEXT);

        assertEquals("b0:917bb4954ca87996", wire.bandKeys().get(0));
        assertEquals("b16:255a6721919a51cd", wire.bandKeys().get(Fingerprinter.LEAD_BANDS));
        assertEquals(Fingerprinter.TOTAL_BANDS, wire.bandKeys().size());
    }

    private static List<String> lead(Fingerprint fp) {
        return fp.bandKeys().subList(0, Fingerprinter.LEAD_BANDS);
    }

    private static List<String> title(Fingerprint fp) {
        return fp.bandKeys().subList(Fingerprinter.LEAD_BANDS, Fingerprinter.LEAD_BANDS + Fingerprinter.TITLE_BANDS);
    }

    private static List<String> body(Fingerprint fp) {
        return fp.bandKeys().subList(Fingerprinter.LEAD_BANDS + Fingerprinter.TITLE_BANDS, Fingerprinter.TOTAL_BANDS);
    }

    @Test
    void titleOnlyItemIsComparedOnItsTitle() {
        Fingerprint a = fp("a", "Station crew returns safely after six months in orbit", "");
        Fingerprint b = fp("b", "Station crew returns safely after six months in orbit", "");

        assertEquals(Fingerprinter.TOTAL_BANDS, a.bandKeys().size());
        assertEquals(1.0, a.shingles().containment(b.shingles()));
    }

    @Test
    void itemWithoutWordsStillHasOneBandOfItsOwn() {
        assertEquals(1, fp("empty-1", "", "—").bandKeys().size());
        assertFalse(fp("empty-1", "", "").bandKeys().equals(fp("empty-2", "", "").bandKeys()));
    }

    @Test
    void hashIsFixedAcrossVersions() {
        // A regression pin: stored band keys and shingles are compared across restarts and upgrades, so a changed
        // hash would split every story that straddles the upgrade.
        assertEquals("0edeb98e32c27ff6", Hash64.hex(Hash64.of("the space station crew")));
    }
}
