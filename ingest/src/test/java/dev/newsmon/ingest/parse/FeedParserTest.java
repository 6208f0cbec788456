package dev.newsmon.ingest.parse;

import dev.newsmon.ingest.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedParserTest {
    private static final String LEDGER_URL = "https://orbital-ledger.example/feeds/main.xml";
    private final FeedParser parser = new FeedParser();

    @Test
    void rss2PrefersContentEncodedAndResolvesRelativeLinks() throws Exception {
        ParsedFeed feed = parser.parse(Fixtures.feed("orbital-ledger-rss2.xml"), "application/rss+xml", LEDGER_URL);

        assertEquals("The Orbital Ledger", feed.title());
        assertEquals(2, feed.entries().size());
        ParsedEntry first = feed.entries().get(0);
        assertEquals("ledger-4411", first.guid());
        assertEquals("https://orbital-ledger.example/2026/11/station-extra-year?utm_source=rss&utm_medium=feed",
                first.link());
        assertTrue(first.html().contains("<b>closed session</b>"), first.html());
        assertFalse(first.html().contains("teaser"), "content:encoded must win over description");
        assertEquals(Instant.parse("2026-11-23T09:15:00Z"), first.published());
        assertEquals("Ines Varga", first.author());
    }

    @Test
    void rss2ItemWithoutGuidHasNoGuidAndTakesDublinCoreDate() throws Exception {
        ParsedEntry second = parser.parse(Fixtures.feed("orbital-ledger-rss2.xml"), null, LEDGER_URL)
                .entries().get(1);

        assertNull(second.guid(), "the link must not pose as a guid");
        assertEquals("https://orbital-ledger.example/2026/11/crew-rotation-slips#comments", second.link());
        assertEquals("Weather at the launch site pushed the flight back.", second.html());
        assertEquals(Instant.parse("2026-11-22T18:00:00Z"), second.published());
    }

    @Test
    void atomPrefersContentOverSummaryAndFallsBackToUpdated() throws Exception {
        ParsedFeed feed = parser.parse(Fixtures.feed("skyward-atom.xml"), "application/atom+xml",
                "https://skyward-dispatch.example/atom");

        assertEquals("Skyward Dispatch", feed.title());
        assertEquals("https://skyward-dispatch.example/", feed.link());
        ParsedEntry first = feed.entries().get(0);
        assertEquals("tag:skyward-dispatch.example,2026:cargo-undocks", first.guid());
        assertEquals("https://skyward-dispatch.example/news/cargo-undocks", first.link());
        assertTrue(first.html().contains("aft port"), first.html());
        assertFalse(first.html().contains("summary"), first.html());
        assertEquals(Instant.parse("2026-11-24T08:30:00Z"), first.published());
        assertEquals(Instant.parse("2026-11-24T10:00:00Z"), first.updated());
        assertEquals("Tomas Lind", first.author());

        ParsedEntry second = feed.entries().get(1);
        assertEquals(Instant.parse("2026-11-23T07:00:00Z"), second.published());
        assertEquals("Summary is all there is.", second.html());
    }

    @Test
    void rss1RdfUsesAboutAsGuidAndDublinCoreDate() throws Exception {
        ParsedFeed feed = parser.parse(Fixtures.feed("meridian-rdf.xml"), "application/rdf+xml",
                "https://meridian-wire.example/rss");

        assertEquals(1, feed.entries().size());
        ParsedEntry e = feed.entries().get(0);
        assertEquals("https://meridian-wire.example/a/joint-research-plan", e.guid());
        assertEquals("Agencies draft a joint research plan for the station's final years", e.title());
        assertEquals(Instant.parse("2026-11-21T15:45:00Z"), e.published());
        assertEquals("Wire staff", e.author());
    }

    @Test
    void malformedXmlIsOneLineParseExceptionNamingTheFeed() {
        FeedParseException e = assertThrows(FeedParseException.class,
                () -> parser.parse(Fixtures.feed("broken.xml"), "text/xml", "https://half.example/feed"));

        assertTrue(e.getMessage().startsWith("cannot parse feed https://half.example/feed: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertEquals("https://half.example/feed", e.feedUrl());
    }

    @Test
    void nonFeedDocumentsAreRefused() {
        byte[] html = "<html><body><p>not a feed</p></body></html>".getBytes(StandardCharsets.UTF_8);
        byte[] opml = "<opml version=\"2.0\"><head/><body><outline text=\"x\" xmlUrl=\"https://x.example/\"/></body></opml>"
                .getBytes(StandardCharsets.UTF_8);

        assertThrows(FeedParseException.class, () -> parser.parse(html, "text/html", "https://page.example/"));
        FeedParseException e = assertThrows(FeedParseException.class,
                () -> parser.parse(opml, "text/xml", "https://list.example/"));
        assertTrue(e.getMessage().contains("OPML"), e.getMessage());
        assertThrows(FeedParseException.class, () -> parser.parse(new byte[0], null, "https://empty.example/"));
    }

    @Test
    void externalEntitiesAreNeverResolved(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "XXE-CANARY-5521");
        String xxe = "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE rss [<!ENTITY leak SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<rss version=\"2.0\"><channel><title>&leak;</title><link>https://evil.example/</link>"
                + "<description>d</description><item><title>&leak;</title><description>&leak;</description>"
                + "<guid>g1</guid></item></channel></rss>";

        ParsedFeed feed = parser.parse(xxe.getBytes(StandardCharsets.UTF_8), "application/rss+xml",
                "https://evil.example/");

        // The declaration is cut unread, so the reference is to an undeclared entity, which the lenient reading
        // keeps as written.
        ParsedEntry e = feed.entries().get(0);
        assertEquals("&leak;", e.title());
        assertEquals("&leak;", e.html());
        assertFalse(feed.title().contains("XXE-CANARY"), feed.title());
        assertTrue(feed.recovered());
    }

    @Test
    void charsetFromContentTypeHeaderWhenPrologHasNone() throws Exception {
        byte[] body = latin1Feed("<?xml version=\"1.0\"?>");

        ParsedFeed feed = parser.parse(body, "application/rss+xml; charset=ISO-8859-1", "https://cafe.example/");

        assertEquals("Café Orbitale", feed.title());
    }

    @Test
    void quotedCharsetWithSpacesInContentType() throws Exception {
        byte[] body = latin1Feed("<?xml version=\"1.0\"?>");

        assertEquals("Café Orbitale",
                parser.parse(body, "text/xml;charset= \"ISO-8859-1\"", "https://cafe.example/").title());
    }

    @Test
    void charsetFromPrologWhenHeaderHasNone() throws Exception {
        byte[] body = latin1Feed("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>");

        assertEquals("Café Orbitale", parser.parse(body, "application/xml", "https://cafe.example/").title());
        assertEquals("Café Orbitale", parser.parse(body, null, "https://cafe.example/").title());
    }

    private static byte[] latin1Feed(String prolog) {
        String xml = prolog + "<rss version=\"2.0\"><channel><title>Café Orbitale</title>"
                + "<link>https://cafe.example/</link><description>d</description>"
                + "<item><title>Une étape</title><guid>c1</guid></item></channel></rss>";
        return xml.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void entriesKeepDocumentOrder() throws Exception {
        List<ParsedEntry> entries = parser.parse(Fixtures.feed("orbital-ledger-rss2.xml"), null, LEDGER_URL)
                .entries();

        assertEquals(List.of("Partners weigh an extra year for the station's oldest modules",
                "Crew rotation flight slips by two days"), entries.stream().map(ParsedEntry::title).toList());
    }
}
