package dev.newsmon.ingest.feedlist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedListFileTest {
    @TempDir
    Path dir;

    @Test
    void readsYamlWithNamesDefaultsAndRelativePaths() throws Exception {
        Path list = write("feeds.yaml", """
                feeds:
                  - url: https://orbital-ledger.example/feed.xml
                    name: Orbital Ledger
                  - url: https://Skyward.example/atom
                  - url: outlet-a.xml
                    name: Outlet A
                  - https://meridian-wire.example/rss
                """);

        List<FeedSource> feeds = FeedListFile.read(list);

        assertEquals(List.of(
                new FeedSource("https://orbital-ledger.example/feed.xml", "Orbital Ledger"),
                new FeedSource("https://Skyward.example/atom", null),
                new FeedSource(dir.resolve("outlet-a.xml").toUri().toString(), "Outlet A"),
                new FeedSource("https://meridian-wire.example/rss", null)), feeds);
    }

    @Test
    void aMissingListIsNamedWithTheReason() {
        Path missing = dir.resolve("nofeeds.txt");
        FeedListException e = assertThrows(FeedListException.class, () -> FeedListFile.read(missing));
        assertEquals("cannot read feed list " + missing + ": no such file", e.getMessage());
    }

    @Test
    void readsNestedOpmlOutlinesNamedByTitleElseText() throws Exception {
        Path list = write("subs.opml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0">
                  <head><title>Space desk</title></head>
                  <body>
                    <outline text="Agencies">
                      <outline text="ledger text" title="Orbital Ledger" type="rss"
                               xmlUrl="https://orbital-ledger.example/feed.xml"/>
                      <outline text="Skyward Dispatch" type="rss" xmlUrl="https://skyward.example/atom"/>
                    </outline>
                    <outline text="Local" type="rss" xmlUrl="local/outlet-b.xml"/>
                    <outline text="no feed here" htmlUrl="https://site.example/"/>
                  </body>
                </opml>
                """);

        List<FeedSource> feeds = FeedListFile.read(list);

        assertEquals(List.of(
                new FeedSource("https://orbital-ledger.example/feed.xml", "Orbital Ledger"),
                new FeedSource("https://skyward.example/atom", "Skyward Dispatch"),
                new FeedSource(dir.resolve("local/outlet-b.xml").toUri().toString(), "Local")), feeds);
    }

    @Test
    void detectsOpmlByRootElementWhateverTheExtension() throws Exception {
        Path list = write("subs.xml", """
                <?xml version="1.0"?>
                <!-- exported by a reader -->
                <opml version="1.0"><head/><body>
                  <outline text="Meridian" xmlUrl="https://meridian-wire.example/rss"/>
                </body></opml>
                """);

        assertEquals(List.of(new FeedSource("https://meridian-wire.example/rss", "Meridian")),
                FeedListFile.read(list));
    }

    @Test
    void readsTextSkippingCommentsAndBlanksResolvingPathsAndDroppingDuplicates() throws Exception {
        Path list = write("feeds.txt", """
                # demo outlets
                outlet-a.xml

                https://orbital-ledger.example/feed.xml
                   # indented comment
                ../shared/outlet-c.xml
                https://orbital-ledger.example/feed.xml
                file:///srv/feeds/outlet-d.xml
                """);

        List<FeedSource> feeds = FeedListFile.read(list);

        assertEquals(List.of(
                new FeedSource(dir.resolve("outlet-a.xml").toUri().toString(), null),
                new FeedSource("https://orbital-ledger.example/feed.xml", null),
                new FeedSource(dir.getParent().resolve("shared/outlet-c.xml").toUri().toString(), null),
                new FeedSource("file:///srv/feeds/outlet-d.xml", null)), feeds);
    }

    @Test
    void refusesOtherSchemesNamingFileAndLine() throws Exception {
        Path list = write("feeds.txt", "https://ok.example/rss\nftp://old.example/feed.xml\n");

        FeedListException e = assertThrows(FeedListException.class, () -> FeedListFile.read(list));

        assertTrue(e.getMessage().contains("feeds.txt") && e.getMessage().contains("line 2")
                && e.getMessage().contains("ftp"), e.getMessage());
    }

    @Test
    void refusesYamlWithoutFeedsList() throws Exception {
        Path list = write("feeds.yml", "outlets:\n  - https://x.example/\n");

        FeedListException e = assertThrows(FeedListException.class, () -> FeedListFile.read(list));

        assertTrue(e.getMessage().contains("'feeds'"), e.getMessage());
    }

    @Test
    void refusesOpmlWithDoctype() throws Exception {
        Path list = write("evil.opml", """
                <?xml version="1.0"?>
                <!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/hostname">]>
                <opml version="2.0"><head/><body><outline text="&x;" xmlUrl="https://x.example/"/></body></opml>
                """);

        assertThrows(FeedListException.class, () -> FeedListFile.read(list));
    }

    @Test
    void missingFileIsAFeedListException() {
        FeedListException e = assertThrows(FeedListException.class,
                () -> FeedListFile.read(dir.resolve("absent.yaml")));

        assertTrue(e.getMessage().contains("absent.yaml"), e.getMessage());
    }

    @Test
    void singleSourceFromAUrl() throws Exception {
        FeedSource source = FeedSource.of("https://skyward.example/atom");
        assertEquals(new FeedSource("https://skyward.example/atom", null), source);
        assertEquals("Skyward Dispatch", source.outlet("Skyward Dispatch "), "named by the feed's title");
        assertEquals("skyward.example", source.outlet(" "), "else by its host");
        assertEquals("Skyward", new FeedSource(source.url(), "Skyward").outlet("Skyward Dispatch"),
                "a listed name wins");
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }
}
