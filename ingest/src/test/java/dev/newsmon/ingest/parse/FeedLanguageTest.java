package dev.newsmon.ingest.parse;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The language a feed declares, per entry, as an ISO 639-1 code. */
class FeedLanguageTest {
    private final FeedParser parser = new FeedParser();

    private List<String> languages(String xml) throws FeedParseException {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8), null, "https://birch-row.example/feed").entries()
                .stream().map(ParsedEntry::language).toList();
    }

    @Test
    void rssChannelLanguageOrDublinCoreOnTheItem() throws Exception {
        assertEquals(List.of("ru", "en"), languages("<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + "<channel><title>Birch Row</title><language>ru-RU</language>"
                + "<item><guid>1</guid><title>Новости</title></item>"
                + "<item><guid>2</guid><title>News</title><dc:language>eng</dc:language></item></channel></rss>"));
    }

    @Test
    void atomXmlLangIsInherited() throws Exception {
        assertEquals(List.of("en", "uk"), languages("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en-GB\">"
                + "<title>Birch Row</title><id>urn:birch</id><updated>2027-02-01T00:00:00Z</updated>"
                + "<entry><id>urn:1</id><title>One</title><updated>2027-02-01T00:00:00Z</updated></entry>"
                + "<entry xml:lang=\"uk_UA\"><id>urn:2</id><title>Два</title><updated>2027-02-01T00:00:00Z</updated>"
                + "</entry></feed>"));
    }

    @Test
    void rss10ItemsTakeTheChannelsDublinCoreLanguage() throws Exception {
        assertEquals(List.of("de"), languages("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
                + " xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + "<channel rdf:about=\"https://birch-row.example/\"><title>Birch Row</title>"
                + "<link>https://birch-row.example/</link><dc:language>German</dc:language></channel>"
                + "<item rdf:about=\"https://birch-row.example/1\"><title>Eins</title>"
                + "<link>https://birch-row.example/1</link></item></rdf:RDF>"));
    }

    @Test
    void noOrAnUnknownDeclarationIsNone() throws Exception {
        assertEquals(java.util.Arrays.asList(null, null), languages("<rss version=\"2.0\"><channel><title>B</title>"
                + "<item><guid>1</guid><title>x</title></item>"
                + "<item><guid>2</guid><title>y</title><language>klingonese</language></item></channel></rss>"));
    }

    @Test
    void tagsAsFeedsWriteThem() {
        assertEquals("ru", LanguageTags.iso639_1(" RU-ru "));
        assertEquals("ru", LanguageTags.iso639_1("rus"));
        assertEquals("de", LanguageTags.iso639_1("ger"));
        assertEquals("en", LanguageTags.iso639_1("en_US"));
        assertEquals("fr", LanguageTags.iso639_1("French"));
        assertNull(LanguageTags.iso639_1("xx"));
        assertNull(LanguageTags.iso639_1(""));
        assertNull(LanguageTags.iso639_1(null));
    }
}
