package dev.newsmon.bench.workload;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SteadyFeedsTest {
    private static SteadyFeeds workload() {
        return new SteadyFeeds(4, List.of(new SteadyFeeds.Step(10, Duration.ofSeconds(2)),
                new SteadyFeeds.Step(100, Duration.ofSeconds(1))), 0.5, 0.5, 3);
    }

    @Test
    void itemsAppearAtTheRateOfTheirStep() {
        SteadyFeeds feeds = workload();
        feeds.start(1_000_000);
        assertEquals(120, feeds.totalItems());
        assertEquals(1_000_000, feeds.appearsAt(0));
        assertEquals(1_000_100, feeds.appearsAt(1));
        assertEquals(1_002_000, feeds.appearsAt(20));
        assertEquals(1_002_010, feeds.appearsAt(21));
        assertEquals(0, feeds.stepOf(19));
        assertEquals(1, feeds.stepOf(20));
        assertEquals(1_003_000, feeds.endMillis());
    }

    @Test
    void aFeedCarriesItsLatestItemsAndAResponseMarksThemSent() {
        SteadyFeeds feeds = workload();
        feeds.start(System.currentTimeMillis() - 10_000);
        ServedFeeds.Document document = feeds.document(1);
        assertEquals(120, feeds.made());
        // Items 1, 5, 9, ... fall in feed 1: 30 of them, of which the latest 20 are shown, newest first.
        assertEquals("\"30\"", document.etag());
        assertTrue(document.xml().contains("/s117</link>"));
        assertTrue(document.xml().contains("/s41</link>"));
        assertFalse(document.xml().contains("/s37</link>"));

        feeds.sent(1, document, 42);
        assertEquals(42, feeds.firstSentMillis(117));
        assertEquals(42, feeds.firstSentMillis(41));
        assertEquals(0, feeds.firstSentMillis(37));
        feeds.sent(1, document, 43);
        assertEquals(42, feeds.firstSentMillis(117), "the first response counts");
    }

    @Test
    void itIsSentToTheEndOnceEveryFeedWasSentAsItEnds() {
        SteadyFeeds feeds = workload();
        long start = System.currentTimeMillis() - 10_000;
        feeds.start(start);
        assertFalse(feeds.sentToTheEnd(start + 1_000), "items are still to appear");
        for (int feed = 0; feed < 3; feed++) {
            feeds.sent(feed, feeds.document(feed), 42);
        }
        assertFalse(feeds.sentToTheEnd(System.currentTimeMillis()), "feed 3 was never sent");
        ServedFeeds.Document last = feeds.document(3);
        feeds.sent(3, last, 43);
        assertTrue(feeds.sentToTheEnd(System.currentTimeMillis()));

        long carried = 0;
        for (int n = 0; n < feeds.made(); n++) {
            carried += feeds.tagged(n) && feeds.firstSentMillis(n) != 0 ? 1 : 0;
        }
        assertTrue(carried > 0 && carried < feeds.taggedMade(), "some tagged items had scrolled out");
        assertEquals(carried, feeds.taggedSent());
        feeds.sent(3, last, 44);
        assertEquals(carried, feeds.taggedSent(), "an item counts once, however often it is sent");
    }

    @Test
    void theSameSeedMakesTheSameNews() {
        SteadyFeeds a = workload();
        SteadyFeeds b = workload();
        a.start(0);
        b.start(0);
        assertEquals(a.document(2).xml().replaceAll("<pubDate>[^<]*", ""),
                b.document(2).xml().replaceAll("<pubDate>[^<]*", ""));
        assertEquals(a.taggedMade(), b.taggedMade());
        assertTrue(a.taggedMade() > 0 && a.taggedMade() < a.made());
    }

    @Test
    void readsItsOwnLinksOnly() {
        assertEquals(OptionalInt.of(117), SteadyFeeds.itemOf("https://outlet-1.example/s117"));
        assertEquals(OptionalInt.empty(), SteadyFeeds.itemOf("https://outlet-1.example/f1-i3"));
        assertEquals(OptionalInt.empty(), SteadyFeeds.itemOf(null));
    }

    @Test
    void theServerAnswersAnUnchangedFeedWithNotModified() throws Exception {
        SteadyFeeds feeds = workload();
        feeds.start(System.currentTimeMillis() - 10_000);
        try (BenchFeedServer server = new BenchFeedServer(feeds)) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> first = http.send(HttpRequest.newBuilder(URI.create(server.url(0))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, first.statusCode());
            String etag = first.headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create(server.url(0)))
                    .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(304, again.statusCode());
            assertNotEquals(0, feeds.firstSentMillis(116));
            assertEquals(0, feeds.firstSentMillis(0), "no longer in its feed when first served");
        }
    }
}
