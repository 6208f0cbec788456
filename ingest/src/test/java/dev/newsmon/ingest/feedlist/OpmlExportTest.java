package dev.newsmon.ingest.feedlist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpmlExportTest {
    @TempDir
    Path dir;

    @Test
    void anExportedListImportsBackWithItsUrlsAndNames() throws Exception {
        List<FeedSource> feeds = List.of(
                new FeedSource("https://orbital-ledger.example/feed.xml?edition=intl&lang=en", "Ledger & Sons <Wire>"),
                new FeedSource("https://skyward.example/atom", null),
                new FeedSource("https://meridian-wire.example/rss", "Meridian Wire"));

        String opml = OpmlExport.render(feeds);
        Path file = Files.writeString(dir.resolve("export.opml"), opml);

        assertTrue(opml.contains("<opml version=\"2.0\">"), opml);
        assertEquals(feeds, FeedListFile.read(file), "a feed without a name stays without one");
    }
}
