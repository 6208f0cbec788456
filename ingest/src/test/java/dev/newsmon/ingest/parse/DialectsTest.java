package dev.newsmon.ingest.parse;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DialectsTest {
    private final FeedParser parser = new FeedParser();

    private ParsedFeed parse(String xml, String feedUrl) throws FeedParseException {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8), null, feedUrl);
    }

    @Test
    void rssLinksResolveAgainstEntryThenChannelBaseThenFeedUrl() throws Exception {
        String xml = """
                <rss version="2.0" xml:base="https://lantern-post.example/site/">
                  <channel xml:base="news/">
                    <title>Lantern Post</title><link>../</link><description>d</description>
                    <item xml:base="https://mirror.lantern-post.example/2026/"><title>a</title><link>orbit-plan</link></item>
                    <item><title>b</title><link>crew-swap</link></item>
                  </channel>
                </rss>""";
        ParsedFeed feed = parse(xml, "https://feeds.lantern-post.example/rss");

        assertEquals("https://lantern-post.example/site/", feed.link());
        assertEquals("https://mirror.lantern-post.example/2026/orbit-plan", feed.entries().get(0).link());
        assertEquals("https://lantern-post.example/site/news/crew-swap", feed.entries().get(1).link());
    }

    @Test
    void relativeLinkWithoutBaseResolvesAgainstFeedUrl() throws Exception {
        String xml = """
                <rss version="2.0"><channel><title>t</title><link>/</link><description>d</description>
                <item><title>a</title><link>/stories/dock-3</link></item></channel></rss>""";

        assertEquals("https://quay-times.example/stories/dock-3",
                parse(xml, "https://quay-times.example/feed/rss.xml").entries().get(0).link());
    }

    @Test
    void atomLinksResolveAgainstEntryAndFeedBase() throws Exception {
        String xml = """
                <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://vesper-notes.example/blog/">
                  <title>Vesper Notes</title><id>tag:vesper,2026:feed</id><updated>2026-11-20T10:00:00Z</updated>
                  <entry><title>a</title><id>tag:vesper,2026:a</id><updated>2026-11-20T10:00:00Z</updated>
                    <link href="posts/solar-array"/></entry>
                  <entry xml:base="/archive/"><title>b</title><id>tag:vesper,2026:b</id>
                    <updated>2026-11-20T10:00:00Z</updated><link rel="alternate" href="docking-port"/></entry>
                </feed>""";
        List<ParsedEntry> entries = parse(xml, "https://feeds.vesper-notes.example/atom").entries();

        assertEquals("https://vesper-notes.example/blog/posts/solar-array", entries.get(0).link());
        assertEquals("https://vesper-notes.example/archive/docking-port", entries.get(1).link());
    }

    @Test
    void doctypedRss091ParsesWithoutReadingItsDtd() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
                  "http://my.netscape.com.invalid/publish/formats/rss-0.91.dtd" [
                  <!ENTITY motto "kept out">
                  <!-- a ] and a > inside the subset must not end it -->
                ]>
                <rss version="0.91"><channel><title>Old Harbour Gazette</title>
                <link>https://old-harbour.example/</link><description>d</description><language>en</language>
                <item><title>Tug fleet renewed</title><link>https://old-harbour.example/tugs</link></item>
                </channel></rss>""";
        ParsedFeed feed = parse(xml, "https://old-harbour.example/rss");

        assertEquals("Old Harbour Gazette", feed.title());
        assertEquals("Tug fleet renewed", feed.entries().get(0).title());
    }

    @Test
    void billionLaughsIsReadUnexpanded() throws Exception {
        StringBuilder decl = new StringBuilder("<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            decl.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [" + decl + "]>"
                + "<rss version=\"2.0\"><channel><title>&lol9;</title><link>https://x.example/</link>"
                + "<description>d</description><item><title>&lol9;</title></item></channel></rss>";

        // The declarations are cut unread: the strict parser refuses the undeclared entity, the lenient one keeps it
        // as written.
        ParsedFeed feed = parse(xml, "https://laughs.example/");
        assertEquals("&lol9;", feed.title());
        assertEquals("&lol9;", feed.entries().get(0).title());
        assertTrue(feed.recovered());
    }

    @Test
    void htmlEntitiesAndStrayAmpersandsAreRecovered() throws Exception {
        String xml = """
                <rss version="2.0"><channel><title>Caf&eacute; &amp; Comet</title>
                <link>https://cafe-comet.example/</link><description>d</description>
                <item><title>Launch window&nbsp;opens&hellip; Fish & Chips</title>
                <link>https://cafe-comet.example/a?x=1&y=2</link><description>a &copy; b</description></item>
                </channel></rss>""";
        ParsedFeed feed = parse(xml, "https://cafe-comet.example/rss");

        assertEquals("Café & Comet", feed.title());
        ParsedEntry e = feed.entries().get(0);
        assertEquals("Launch window\u00a0opens\u2026 Fish & Chips", e.title());
        assertEquals("https://cafe-comet.example/a?x=1&y=2", e.link());
        assertEquals("a \u00a9 b", e.html());
    }

    @Test
    void unknownEntityIsKeptAsWrittenAndTheFeedMarkedRecovered() throws Exception {
        String xml = "<rss version=\"2.0\"><channel><title>t</title><link>https://u.example/</link>"
                + "<description>d</description><item><title>&nosuchthing;</title></item></channel></rss>";

        ParsedFeed feed = parse(xml, "https://u.example/rss");
        assertEquals("&nosuchthing;", feed.entries().get(0).title(), "never guessed: it may be a stripped DOCTYPE's");
        assertTrue(feed.recovered());
    }

    @Test
    void rdf090AndNamespaceWhitespace() throws Exception {
        String xml = """
                <rdf:RDF xmlns:rdf=" http://www.w3.org/1999/02/22-rdf-syntax-ns# "
                         xmlns="http://my.netscape.com/rdf/simple/0.9/ ">
                  <channel><title>Beacon 0.90</title><link>https://beacon.example/</link>
                    <description>d</description></channel>
                  <item><title>First light</title><link>https://beacon.example/first-light</link></item>
                </rdf:RDF>""";
        ParsedFeed feed = parse(xml, "https://beacon.example/rdf");

        assertEquals("Beacon 0.90", feed.title());
        assertEquals("https://beacon.example/first-light", feed.entries().get(0).link());
    }

    @Test
    void brokenDatesFallBackToKnownForms() throws Exception {
        String xml = """
                <rss version="2.0"><channel><title>t</title><link>https://d.example/</link><description>d</description>
                <item><title>a</title><pubDate>2026-11-23 09:15:00</pubDate></item>
                <item><title>b</title><pubDate>Thursday, 23 Nov 2026 09:15:00 GMT</pubDate></item>
                <item><title>c</title><pubDate>no date at all</pubDate></item>
                </channel></rss>""";
        List<ParsedEntry> entries = parse(xml, "https://d.example/rss").entries();

        assertEquals(Instant.parse("2026-11-23T09:15:00Z"), entries.get(0).published());
        assertEquals(Instant.parse("2026-11-23T09:15:00Z"), entries.get(1).published());
        assertNull(entries.get(2).published());
    }

    @Test
    void atomXhtmlTitleLosesItsWrappingDiv() throws Exception {
        String xml = """
                <feed xmlns="http://www.w3.org/2005/Atom"><title>f</title><id>tag:x,2026:f</id>
                <updated>2026-11-20T10:00:00Z</updated>
                <entry><id>tag:x,2026:1</id><updated>2026-11-20T10:00:00Z</updated>
                <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Module <b>Zarya</b> turns 28</div></title>
                </entry></feed>""";
        String title = parse(xml, "https://x.example/atom").entries().get(0).title();

        assertFalse(title.contains("div"), title);
        assertTrue(title.contains("Module") && title.contains("Zarya") && title.contains("turns 28"), title);
    }

    @Test
    void rssWithoutChannelIsAnEmptyFeed() throws Exception {
        assertTrue(parse("<rss version=\"2.0\"></rss>", "https://bare.example/rss").entries().isEmpty());
    }
}
