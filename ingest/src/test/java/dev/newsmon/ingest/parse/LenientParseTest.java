package dev.newsmon.ingest.parse;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bodies the strict parser refuses, read for every complete entry, and flagged as recovered. */
class LenientParseTest {
    private static final String URL = "https://lantern-quay.example/feed.xml";
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<rss version=\"2.0\"><channel><title>Lantern Quay Notes</title><link>https://lantern-quay.example/</link>";
    private static final String FIRST = "<item><guid>lq-1</guid><title>Tide gauge replaced at the pier</title>"
            + "<link>https://lantern-quay.example/1</link><description>The old gauge had drifted.</description></item>";
    private static final String SECOND = "<item><guid>lq-2</guid><title>Night market moves indoors</title>"
            + "<link>https://lantern-quay.example/2</link><description>Stalls fill the old net loft.</description></item>";
    private static final String TAIL = "</channel></rss>";
    private final FeedParser parser = new FeedParser();

    private ParsedFeed parse(String body) throws FeedParseException {
        return parser.parse(body.getBytes(StandardCharsets.UTF_8), "application/rss+xml", URL);
    }

    private static List<String> guids(ParsedFeed feed) {
        return feed.entries().stream().map(ParsedEntry::guid).toList();
    }

    @Test
    void aWellFormedFeedIsNotRecovered() throws Exception {
        ParsedFeed feed = parse(HEAD + FIRST + SECOND + TAIL);
        assertEquals(List.of("lq-1", "lq-2"), guids(feed));
        assertFalse(feed.recovered());
    }

    @Test
    void blankLinesBeforeTheDeclaration() throws Exception {
        ParsedFeed feed = parse("\n\n  \r\n" + HEAD + FIRST + SECOND + TAIL);
        assertEquals(List.of("lq-1", "lq-2"), guids(feed));
        assertTrue(feed.recovered(), "XML allows nothing before its declaration");
    }

    @Test
    void junkBeforeTheDeclaration() throws Exception {
        ParsedFeed feed = parse("Warning: cache miss on line 12<br>\n" + HEAD + FIRST + SECOND + TAIL);
        assertEquals(List.of("lq-1", "lq-2"), guids(feed));
        assertEquals("Lantern Quay Notes", feed.title());
        assertTrue(feed.recovered());
    }

    @Test
    void aBodyCutOffMidItemKeepsTheCompleteItems() throws Exception {
        String whole = HEAD + FIRST + SECOND + TAIL;
        String cut = whole.substring(0, whole.indexOf("Stalls fill"));
        ParsedFeed feed = parse(cut);
        assertEquals(List.of("lq-1"), guids(feed), "the cut item is dropped, not read half");
        assertEquals("The old gauge had drifted.", feed.entries().get(0).html());
        assertTrue(feed.recovered());

        ParsedFeed afterAnItem = parse(HEAD + FIRST + SECOND);
        assertEquals(List.of("lq-1", "lq-2"), guids(afterAnItem));
    }

    @Test
    void aBodyCutOffBeforeAnyCompleteItemIsAParseError() {
        String cut = HEAD + FIRST.substring(0, FIRST.indexOf("<link>"));
        FeedParseException e = assertThrows(FeedParseException.class, () -> parse(cut));
        assertTrue(e.getMessage().contains("no complete entry"), e.getMessage());
    }

    @Test
    void anIllFormedFeedWithNoEntriesIsAnEmptyFeed() throws Exception {
        ParsedFeed feed = parse(HEAD + "<language>en-gb</langauge>" + TAIL);
        assertEquals("Lantern Quay Notes", feed.title());
        assertEquals(List.of(), feed.entries());
        assertTrue(feed.recovered());
    }

    @Test
    void aStrayAmpersandAndAnUndeclaredEntity() throws Exception {
        ParsedFeed amp = parse(HEAD + FIRST.replace("Tide gauge", "Tide & wave gauge") + SECOND + TAIL);
        assertEquals("Tide & wave gauge replaced at the pier", amp.entries().get(0).title());
        assertTrue(amp.recovered());

        ParsedFeed entity = parse(HEAD + FIRST.replace("drifted.", "drifted &madeup; again.") + SECOND + TAIL);
        assertEquals(List.of("lq-1", "lq-2"), guids(entity));
        assertEquals("The old gauge had drifted &madeup; again.", entity.entries().get(0).html(),
                "an undeclared entity is kept as written, never expanded");
        assertTrue(entity.recovered());
    }

    @Test
    void aMisspeltEndTagEndsItsElementBeforeTheNextOne() throws Exception {
        ParsedFeed feed = parse(HEAD + FIRST.replace("</title>", "</titel>") + SECOND + TAIL);
        assertEquals(List.of("lq-1", "lq-2"), guids(feed));
        ParsedEntry first = feed.entries().get(0);
        assertEquals("Tide gauge replaced at the pier", first.title());
        assertEquals("https://lantern-quay.example/1", first.link());
        assertTrue(feed.recovered());
    }

    @Test
    void anExternalEntityIsNeverExpandedOnTheLenientPath() throws Exception {
        // UTF-16, where the DOCTYPE is not cut from the bytes, and ill-formed, so that the lenient reader sees it.
        String body = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n"
                + "<!DOCTYPE rss [<!ENTITY leak SYSTEM \"file:///etc/hostname\">]>\n"
                + "<rss version=\"2.0\"><channel><title>Lantern Quay Notes</title>"
                + "<item><guid>lq-9</guid><title>Before &leak; after</title></item>"
                + "<item><guid>lq-10</guid><title>Broken & bare</title></item></channel></rss>";
        ParsedFeed feed = parser.parse(body.getBytes(StandardCharsets.UTF_16LE), null, URL);
        assertEquals(List.of("lq-9", "lq-10"), guids(feed));
        assertEquals("Before &leak; after", feed.entries().get(0).title());
        assertTrue(feed.recovered());
    }

    @Test
    void namespacedElementsStillCountWhenTheFeedIsBroken() throws Exception {
        String body = "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + "<channel><title>Lantern Quay Notes</title><dc:language>en-GB</dc:language>"
                + "<item><guid>lq-3</guid><title>Ferry and bus</titel><dc:creator>Harbour desk</dc:creator>"
                + "<dc:date>2027-02-01T08:00:00Z</dc:date></item></channel></rss>";
        ParsedFeed feed = parse(body);
        ParsedEntry e = feed.entries().get(0);
        assertEquals("Harbour desk", e.author());
        assertEquals(java.time.Instant.parse("2027-02-01T08:00:00Z"), e.published());
        assertEquals("en", e.language());
        assertTrue(feed.recovered());
    }

    @Test
    void whatIsNoFeedEvenLenientlyIsStillRefused() {
        assertThrows(FeedParseException.class, () -> parse("<html><body><p>Gateway & timeout<br></body></html>"));
        assertThrows(FeedParseException.class, () -> parse("not xml at all & never was"));
    }
}
