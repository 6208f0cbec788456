package dev.newsmon.ingest.schedule;

import dev.newsmon.common.model.FeedStatus;
import dev.newsmon.ingest.feedlist.FeedSource;
import dev.newsmon.ingest.fetch.Conditional;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class FeedStateTest {
    private static final Instant NOW = Instant.parse("2026-12-04T09:00:00Z");
    private static final FeedSource FEED = new FeedSource("https://dockside-dispatch.example/rss", "Dockside Dispatch");

    @Test
    void aResumedFeedKeepsItsMovedUrlValidatorsBackoffAndSchedule() {
        Instant due = NOW.plus(Duration.ofMinutes(8));
        FeedState s = FeedState.resumed(FEED, status(3, due, false), NOW);

        assertEquals("https://dockside-dispatch.example/feed/v2", s.fetchUrl());
        assertEquals(new Conditional("\"abc\"", "Thu, 03 Dec 2026 10:00:00 GMT"), s.validators());
        assertEquals(3, s.consecutiveErrors());
        assertEquals(due, s.nextPoll());
        assertEquals(503, s.lastStatus());
        assertEquals(FEED, s.source(), "the listing is the new one: name, headers and interval follow it");
    }

    @Test
    void aResumedFeedWhoseTimeHasPassedIsDueNow() {
        assertEquals(NOW, FeedState.resumed(FEED, status(0, NOW.minusSeconds(30), false), NOW).nextPoll());
    }

    @Test
    void aFeedDisabledByItsPreviousPollerIsAskedOnceMore() {
        FeedState s = FeedState.resumed(FEED, status(1, null, true), NOW);

        assertFalse(s.disabled());
        assertEquals(NOW, s.nextPoll());
    }

    private static FeedStatus status(int errors, Instant nextPoll, boolean disabled) {
        return new FeedStatus(FeedStatus.SCHEMA_VERSION, FEED.url(), "https://dockside-dispatch.example/feed/v2",
                FEED.name(), NOW.minusSeconds(60), NOW.minusSeconds(3600), 503, errors, nextPoll, "HTTP 503", 20, 0,
                disabled, "\"abc\"", "Thu, 03 Dec 2026 10:00:00 GMT", true);
    }
}
