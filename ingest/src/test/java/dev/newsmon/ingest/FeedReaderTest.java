package dev.newsmon.ingest;

import dev.newsmon.common.model.FeedItem;
import dev.newsmon.ingest.feedlist.FeedSource;
import dev.newsmon.ingest.fetch.FetchException;
import dev.newsmon.ingest.parse.FeedParseException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import dev.newsmon.common.config.NewsmonConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedReaderTest {
    private final FeedReader reader = FeedReader.create(NewsmonConfig.defaults());

    @Test
    void readsAFeedGivenAsAPathStandalone() throws Exception {
        FeedSource source = FeedSource.of(Fixtures.feedPath("skyward-atom.xml").toString());
        Instant before = Instant.now();

        List<FeedItem> items = reader.read(source);

        assertEquals(2, items.size());
        FeedItem first = items.get(0);
        assertEquals("Skyward Dispatch", first.outlet(), "an unnamed feed is named by its own title");
        assertEquals(source.url(), first.feedUrl());
        assertEquals("https://skyward-dispatch.example/news/cargo-undocks", first.url());
        assertEquals("Cargo ship undocks after a quiet month", first.title());
        assertEquals("The uncrewed cargo ship left the aft port on schedule. It will burn up over the ocean.",
                first.text());
        assertEquals(Instant.parse("2026-11-24T08:30:00Z"), first.published());
        assertTrue(!first.fetched().isBefore(before), "fetched comes from the clock");
    }

    @Test
    void reportsParseAndFetchFailuresAsTheirOwnTypes() throws Exception {
        FeedSource broken = FeedSource.of(Fixtures.feedPath("broken.xml").toString());
        FeedSource absent = new FeedSource(broken.url().replace("broken.xml", "absent.xml"), "Absent");

        assertThrows(FeedParseException.class, () -> reader.read(broken));
        assertThrows(FetchException.class, () -> reader.read(absent));
    }
}
