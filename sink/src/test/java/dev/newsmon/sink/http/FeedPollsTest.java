package dev.newsmon.sink.http;

import dev.newsmon.common.model.FeedStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedPollsTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private final FeedPolls polls = new FeedPolls(Duration.ofHours(24));

    @Test
    void eachStateFromTheLatestStatusAndTheWindowsPolls() {
        assertEquals(FeedHealth.State.OK, record(ok("https://a.example/rss", 1, 5)).state());
        assertEquals(FeedHealth.State.FAILING, record(failed("https://b.example/rss", 404, 1)).state());
        assertEquals(FeedHealth.State.BACKING_OFF, record(failed("https://c.example/rss", 429, 3)).state());
        FeedStatus gone = new FeedStatus(1, "https://d.example/rss", null, "D", NOW, null, 410, 1, null,
                "cannot fetch https://d.example/rss: HTTP status 410", 0, 0, true, null, null, false);
        assertEquals(FeedHealth.State.GONE, record(gone).state());
        FeedStatus moved = new FeedStatus(1, "https://e.example/rss", "https://e.example/feed.xml", "E", NOW, NOW,
                200, 0, NOW.plusSeconds(300), null, 3, 3, false, null, null, false);
        FeedHealth movedHealth = record(moved);
        assertEquals(FeedHealth.State.MOVED, movedHealth.state());
        assertEquals("Moved permanently to https://e.example/feed.xml: update the feed list.", movedHealth.problem());

        Instant earlier = NOW.minus(Duration.ofHours(2));
        record(new FeedStatus(1, "https://f.example/rss", null, "F", earlier, null, 503, 2, earlier.plusSeconds(600),
                "cannot fetch https://f.example/rss: HTTP status 503", 0, 0, false, null, null, false));
        FeedHealth recovered = record(ok("https://f.example/rss", 1, 4));
        assertEquals(FeedHealth.State.RECOVERED, recovered.state());
        assertEquals("1 poll failed within the last 24 h; the latest succeeded.", recovered.problem());
        assertFalse(recovered.needsAttention());
    }

    @Test
    void whatNeedsAPersonSortsFirstAndTheLongestBrokenBeforeTheRecent() {
        record(ok("https://a.example/rss", 1, 5));
        record(new FeedStatus(1, "https://b.example/rss", null, "Bravo", NOW, NOW.minus(Duration.ofHours(2)), 500, 2,
                NOW.plusSeconds(600), "cannot fetch https://b.example/rss: HTTP status 500", 0, 0, false, null, null, false));
        record(new FeedStatus(1, "https://c.example/rss", null, "Charlie", NOW, NOW.minus(Duration.ofDays(3)), 404, 9,
                NOW.plusSeconds(600), "cannot fetch https://c.example/rss: HTTP status 404", 0, 0, false, null, null, false));
        List<FeedHealth> all = polls.all(NOW);
        assertEquals(List.of("Charlie", "Bravo", "a.example/rss"), all.stream().map(FeedHealth::outlet).toList(),
                "failing first, the longest without a success first; a feed without a name shows its host and path");
        polls.outlet("https://a.example/rss", "Alpha Gazette");
        assertEquals("Alpha Gazette", polls.all(NOW).get(2).outlet(), "or the outlet its alerts name");
        assertTrue(all.get(0).needsAttention());
        assertEquals("Not found (HTTP 404): nothing is at this address any more.", all.get(0).problem());
        assertNull(all.get(2).problem());
    }

    @Test
    void itemsAndFailuresAreCountedOverTheWindowOnly() {
        polls.record("https://a.example/rss", ok("https://a.example/rss", 30, 9), NOW);
        polls.record("https://a.example/rss", ok("https://a.example/rss", 20, 4), NOW);
        polls.record("https://a.example/rss", ok("https://a.example/rss", 1, 2), NOW);
        polls.record("https://a.example/rss", ok("https://a.example/rss", 1, 2), NOW);
        FeedHealth h = polls.all(NOW).get(0);
        assertEquals(6, h.itemsInWindow(), "the poll 30 h ago is out; the same poll read twice counts once");
        assertEquals(NOW.minus(Duration.ofHours(1)), h.lastAttempt());
        assertEquals(0, h.failedPollsInWindow());
    }

    @Test
    void anOlderStatusReadLateDoesNotReplaceTheLatest() {
        polls.record("https://a.example/rss", failed("https://a.example/rss", 500, 1), NOW);
        polls.record("https://a.example/rss", ok("https://a.example/rss", 2, 1), NOW);
        FeedHealth h = polls.all(NOW).get(0);
        assertEquals(FeedHealth.State.FAILING, h.state());
        assertEquals(1, h.failedPollsInWindow());
        assertEquals(1, h.itemsInWindow());
    }

    private FeedHealth record(FeedStatus s) {
        return polls.record(s.feedUrl(), s, NOW);
    }

    private static FeedStatus ok(String feed, int hoursAgo, int produced) {
        Instant at = NOW.minus(Duration.ofHours(hoursAgo));
        return new FeedStatus(1, feed, null, null, at, at, 200, 0, at.plusSeconds(600), null, 10, produced, false,
                null, null, false);
    }

    private static FeedStatus failed(String feed, int status, int errors) {
        return new FeedStatus(1, feed, null, null, NOW, NOW.minus(Duration.ofHours(5)), status, errors,
                NOW.plusSeconds(900), "cannot fetch " + feed + ": HTTP status " + status, 10, 0, false, null, null, false);
    }
}
