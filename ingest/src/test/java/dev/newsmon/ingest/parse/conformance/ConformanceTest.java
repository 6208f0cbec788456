package dev.newsmon.ingest.parse.conformance;

import dev.newsmon.ingest.parse.FeedParser;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConformanceTest {
    private static Path corpora() throws URISyntaxException {
        return Path.of(ConformanceTest.class.getResource("/corpora").toURI());
    }

    @Test
    void reportsPassRatesAndReasonsPerFolder() throws Exception {
        Map<String, FolderResult> byFolder = new Conformance(new FeedParser()).run(corpora()).stream()
                .collect(Collectors.toMap(FolderResult::folder, Function.identity()));

        assertEquals(List.of("gofeed/testdata/parser/rss", "gofeed/testdata/parser/atom",
                "feedparser/tests/wellformed", "feedparser/tests/illformed"),
                new Conformance(new FeedParser()).run(corpora()).stream().map(FolderResult::folder).toList(),
                "the missing encoding folder is left out");

        FolderResult rss = byFolder.get("gofeed/testdata/parser/rss");
        assertEquals(2, rss.checked());
        assertEquals(1, rss.failures().size());
        FolderResult.Failure guid = rss.failures().get(0);
        assertTrue(guid.file().endsWith("wrong_guid.xml"), guid.file());
        assertEquals("entry 0 guid: expected 'lamp-8', got 'lamp-7'", guid.reason());
        assertEquals("guid differs", guid.kind());

        assertEquals(1, byFolder.get("gofeed/testdata/parser/atom").passed());
        assertEquals(100.0, byFolder.get("gofeed/testdata/parser/atom").passRate());

        FolderResult wellformed = byFolder.get("feedparser/tests/wellformed");
        assertEquals(1, wellformed.checked(), "a file without a bozo expectation is not checked");
        assertEquals(0, wellformed.failures().size());

        FolderResult illformed = byFolder.get("feedparser/tests/illformed");
        assertEquals(2, illformed.checked());
        assertEquals(50.0, illformed.passRate(), "an item that never closes is bozo: refused, or read leniently");
        assertTrue(illformed.failures().get(0).file().endsWith("claims_bozo_but_fine.xml"));
        assertEquals("expected bozo, but it parsed", illformed.failures().get(0).reason());
        assertEquals(List.of("bozo expected, parsed as well-formed"),
                List.copyOf(illformed.failuresByKind().keySet()));
    }

    @Test
    void headerCommentGivesExpectationAndContentType() {
        FeedparserCheck.Expectation e = FeedparserCheck.expectation("""
                <!--
                Expect:   not bozo and feed['x'] == 1
                Header:   Content-type: text/xml; charset="us-ascii"
                Header:   Content-Location: http://relative.example/base/
                -->""".getBytes());

        assertEquals(Boolean.TRUE, e.mustParse());
        assertEquals("text/xml; charset=\"us-ascii\"", e.contentType());
        assertEquals("http://relative.example/base/", e.location());
        assertEquals(Boolean.FALSE, FeedparserCheck.expectation("<!--\nExpect: bozo\n-->".getBytes()).mustParse());
    }
}
