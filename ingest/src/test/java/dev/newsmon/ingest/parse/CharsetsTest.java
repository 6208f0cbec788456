package dev.newsmon.ingest.parse;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The charset of a body, in RFC 7303's order: BOM, then the HTTP charset, then the XML declaration. */
class CharsetsTest {
    private static final String URL = "https://zarechye-vestnik.example/rss";
    /** Letters of all three Russian charsets: KOI8-R has no guillemets, so the title has none. */
    private static final String TITLE = "Экипаж вернулся на Землю: всё прошло штатно, ЁЖ и щи";
    private static final Charset CP1251 = Charset.forName("windows-1251");
    private static final Charset KOI8R = Charset.forName("KOI8-R");
    private final FeedParser parser = new FeedParser();

    private static String feed(String declaration) {
        return (declaration == null ? "" : "<?xml version=\"1.0\" encoding=\"" + declaration + "\"?>\n")
                + "<rss version=\"2.0\"><channel><title>Вестник Заречья</title>"
                + "<item><guid>z-1</guid><title>" + TITLE + "</title></item></channel></rss>";
    }

    private String title(byte[] body, String contentType) throws FeedParseException {
        ParsedFeed feed = parser.parse(body, contentType, URL);
        assertEquals("Вестник Заречья", feed.title());
        assertFalse(feed.recovered(), "a charset, however found, is no reason to read leniently");
        return feed.entries().get(0).title();
    }

    @Test
    void windows1251AsTheDeclarationNamesIt() throws Exception {
        assertEquals(TITLE, title(feed("windows-1251").getBytes(CP1251), null));
        assertEquals(TITLE, title(feed("windows-1251").getBytes(CP1251), "application/rss+xml"));
    }

    @Test
    void koi8rAsTheHeaderNamesItWithoutADeclaration() throws Exception {
        assertEquals(TITLE, title(feed(null).getBytes(KOI8R), "text/xml; charset=\"KOI8-R\""));
        assertEquals(TITLE, title(feed("koi8-r").getBytes(KOI8R), null));
    }

    @Test
    void theHeaderOutranksTheDeclarationWhenItDecodesTheBytes() throws Exception {
        // Both decode any byte; RFC 7303 says the header wins.
        assertEquals(TITLE, title(feed("iso-8859-5").getBytes(CP1251), "application/xml; charset=windows-1251"));
    }

    @Test
    void aHeaderThatCannotDecodeTheBytesGivesWayToTheDeclaration() throws Exception {
        assertEquals(TITLE, title(feed("windows-1251").getBytes(CP1251), "text/xml; charset=utf-8"));
        assertEquals(TITLE, title(feed("KOI8-R").getBytes(KOI8R), "text/xml; charset=us-ascii"));
        assertEquals(TITLE, title(feed("windows-1251").getBytes(CP1251), "text/xml; charset=no-such-charset"));
    }

    @Test
    void aHeaderOfAnotherWidthThanTheBytesGivesWay() throws Exception {
        assertEquals(TITLE, title(feed("utf-8").getBytes(StandardCharsets.UTF_8), "text/xml; charset=utf-16"));
        assertEquals(TITLE, title(feed("UTF-16").getBytes(StandardCharsets.UTF_16LE), "text/xml; charset=utf-8"));
    }

    @Test
    void utf16WithAByteOrderMarkWhateverTheHeaderSays() throws Exception {
        byte[] le = withBom(new byte[] {(byte) 0xFF, (byte) 0xFE}, feed("UTF-16").getBytes(StandardCharsets.UTF_16LE));
        byte[] be = withBom(new byte[] {(byte) 0xFE, (byte) 0xFF}, feed("UTF-16").getBytes(StandardCharsets.UTF_16BE));
        assertEquals(TITLE, title(le, null));
        assertEquals(TITLE, title(be, "text/xml; charset=windows-1251"));
    }

    @Test
    void utf16WithoutAByteOrderMarkByItsFirstBytes() throws Exception {
        assertEquals(TITLE, title(feed("UTF-16").getBytes(StandardCharsets.UTF_16BE), null));
        assertEquals(TITLE, title(feed("UTF-16").getBytes(StandardCharsets.UTF_16LE), null));
        assertEquals(TITLE, title(feed(null).getBytes(StandardCharsets.UTF_16LE), "application/rss+xml"));
    }

    @Test
    void aUtf8ByteOrderMarkOutranksTheHeaderAndTheDeclaration() throws Exception {
        byte[] body = withBom(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                feed("windows-1251").getBytes(StandardCharsets.UTF_8));
        assertEquals(TITLE, title(body, "text/xml; charset=koi8-r"));
    }

    @Test
    void noCharsetAnywhereIsUtf8() throws Exception {
        assertEquals(TITLE, title(feed(null).getBytes(StandardCharsets.UTF_8), "text/xml"));
    }

    @Test
    void aCleanDecodeIsNotCheckedAgain() {
        // The strict check runs only on a U+FFFD, which a UTF-8 body that holds one legitimately also gets.
        byte[] body = feed("utf-8").replace(":", "\uFFFD").getBytes(StandardCharsets.UTF_8);
        XmlDecoder.Decoded decoded = XmlDecoder.decode(body, "text/xml; charset=utf-8");
        assertEquals(StandardCharsets.UTF_8.decode(ByteBuffer.wrap(body)).toString(), decoded.text());
        assertTrue(decoded.wellFormed());
    }

    @Test
    void bytesMalformedInTheChosenCharsetAreIllFormedButRead() throws Exception {
        // windows-1251 bytes declared UTF-8: no other charset to fall back to.
        ParsedFeed feed = parser.parse(feed("utf-8").getBytes(CP1251), null, URL);
        assertTrue(feed.recovered(), "bytes that are not in their charset make the XML ill-formed");
        assertEquals(1, feed.entries().size());
    }

    @Test
    void anEncodingNoOneKnowsIsIllFormedAndReadAsUtf8() throws Exception {
        ParsedFeed feed = parser.parse(feed("x-zarechye-local").getBytes(StandardCharsets.UTF_8), null, URL);
        assertEquals(TITLE, feed.entries().get(0).title());
        assertTrue(feed.recovered());
    }

    @Test
    void undeclaredRussianBytesAreReadAsTheirSingleByteCharset() throws Exception {
        for (Charset charset : new Charset[] {CP1251, KOI8R}) {
            ParsedFeed feed = parser.parse(feed(null).getBytes(charset), "application/rss+xml", URL);
            assertEquals(TITLE, feed.entries().get(0).title(), charset.name());
            assertTrue(feed.recovered(), "a charset no one names is a guess: " + charset.name());
        }
    }

    private static byte[] withBom(byte[] bom, byte[] body) {
        byte[] out = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, out, 0, bom.length);
        System.arraycopy(body, 0, out, bom.length, body.length);
        return out;
    }
}
