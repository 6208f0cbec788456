package dev.newsmon.ingest.item;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class UrlCanonicalizerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "HTTPS://News.Example/Story|https://news.example/Story",
            "http://news.example:80/a|http://news.example/a",
            "https://news.example:443/a|https://news.example/a",
            "https://news.example:8443/a|https://news.example:8443/a",
            "https://news.example|https://news.example/",
            "https://news.example/a#section-2|https://news.example/a",
            "https://news.example/x/../a/./b|https://news.example/a/b",
            "https://news.example/a?utm_source=rss&utm_medium=feed|https://news.example/a",
            "https://news.example/a?id=7&UTM_Campaign=x&page=2|https://news.example/a?id=7&page=2",
            "https://news.example/a?fbclid=abc&gclid=def&mc_cid=1&mc_eid=2&igshid=3&ref=home&cmpid=rss|https://news.example/a",
            "https://news.example/a?b=2&a=1&ref=x|https://news.example/a?b=2&a=1",
            "https://news.example/a?q=caf%C3%A9&&x=1|https://news.example/a?q=caf%C3%A9&x=1",
            "https://news.example/a?reference=kept|https://news.example/a?reference=kept",
            "' https://news.example/a b '|https://news.example/a%20b",
    })
    void canonicalizes(String input, String expected) {
        assertEquals(expected, UrlCanonicalizer.canonicalize(input));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "not a url at all", "mailto:desk@news.example", "file:///etc/hosts",
            "/relative/path", "https://", "http://[broken"})
    void unusableInputGivesNull(String input) {
        assertNull(UrlCanonicalizer.canonicalize(input));
    }

    @Test
    void isIdempotent() {
        String once = UrlCanonicalizer.canonicalize("HTTP://Wire.Example:80/p/../story?utm_term=a&id=3#top");
        assertEquals("http://wire.example/story?id=3", once);
        assertEquals(once, UrlCanonicalizer.canonicalize(once));
    }
}
