package dev.newsmon.ingest.schedule;

import dev.newsmon.ingest.feedlist.FeedSource;
import dev.newsmon.ingest.fetch.CacheHints;
import dev.newsmon.ingest.fetch.Conditional;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchedulerTest {
    private static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");
    private static final FeedSource A = new FeedSource("https://a.example/rss", "A");
    private static final FeedSource B = new FeedSource("https://b.example/rss", "B");
    private final Scheduler scheduler = new Scheduler(new PollPolicy(Duration.ofMinutes(10), Duration.ofMinutes(1),
            Duration.ofDays(1), Duration.ofHours(12), () -> 0.999_999));

    @Test
    void aFeedInFlightIsNotHandedOutTwiceAndIsDueAgainAfterItsInterval() {
        scheduler.add(A, T0);
        assertEquals(List.of(A.url()), keys(scheduler.due(T0, s -> true)));
        assertEquals(List.of(), scheduler.due(T0, s -> true), "in flight");

        scheduler.succeeded(A.url(), T0, 200, new Conditional("\"e\"", null), null, null, CacheHints.NONE, 5, false);

        assertEquals(List.of(), scheduler.due(T0.plus(Duration.ofMinutes(9)), s -> true));
        assertEquals(List.of(A.url()), keys(scheduler.due(T0.plus(Duration.ofMinutes(10)), s -> true)));
        assertEquals(new Conditional("\"e\"", null), scheduler.state(A.url()).orElseThrow().validators());
    }

    @Test
    void aFeedRefusedASlotStaysDue() {
        scheduler.add(A, T0);
        scheduler.add(B, T0);
        assertEquals(List.of(B.url()), keys(scheduler.due(T0, s -> s.key().equals(B.url()))));
        assertEquals(List.of(A.url()), keys(scheduler.due(T0, s -> true)));
    }

    @Test
    void aPermanentMoveChangesTheFetchUrlButNotTheKey() {
        scheduler.add(A, T0);
        scheduler.due(T0, s -> true);
        scheduler.succeeded(A.url(), T0, 200, Conditional.NONE, URI.create("https://new-a.example/feed"), null,
                CacheHints.NONE, 1, false);
        FeedState s = scheduler.state(A.url()).orElseThrow();
        assertEquals("https://new-a.example/feed", s.fetchUrl());
        assertEquals(A.url(), s.key());
    }

    @Test
    void goneDisablesTheFeedUntilItIsAddedAgain() {
        scheduler.add(A, T0);
        scheduler.due(T0, s -> true);
        FeedState gone = scheduler.failed(A.url(), T0, 410, null, "HTTP status 410").orElseThrow();
        assertTrue(gone.disabled());
        assertEquals(List.of(), scheduler.due(T0.plus(Duration.ofDays(30)), s -> true));
        assertTrue(scheduler.nextDue().isEmpty());

        scheduler.add(A, T0.plus(Duration.ofDays(30)));
        assertFalse(scheduler.state(A.url()).orElseThrow().disabled());
        assertEquals(1, scheduler.due(T0.plus(Duration.ofDays(30)), s -> true).size());
    }

    @Test
    void errorsCountUpAndASuccessResetsThem() {
        scheduler.add(A, T0);
        scheduler.due(T0, s -> true);
        scheduler.failed(A.url(), T0, 503, Duration.ofMinutes(90), "HTTP status 503");
        FeedState s = scheduler.state(A.url()).orElseThrow();
        assertEquals(1, s.consecutiveErrors());
        assertEquals(T0.plus(Duration.ofMinutes(90)), s.nextPoll());

        scheduler.due(s.nextPoll(), x -> true);
        scheduler.succeeded(A.url(), s.nextPoll(), 304, Conditional.NONE, null, null, CacheHints.NONE, -1, false);
        assertEquals(0, scheduler.state(A.url()).orElseThrow().consecutiveErrors());
    }

    @Test
    void aRecoveredFeedStaysRecoveredUntilABodyParsesStrictly() {
        scheduler.add(A, T0);
        scheduler.due(T0, s -> true);
        scheduler.succeeded(A.url(), T0, 200, Conditional.NONE, null, null, CacheHints.NONE, 3, true);
        assertTrue(scheduler.state(A.url()).orElseThrow().recovered());

        Instant later = T0.plus(Duration.ofMinutes(10));
        scheduler.due(later, s -> true);
        scheduler.succeeded(A.url(), later, 304, Conditional.NONE, null, null, CacheHints.NONE, -1, false);
        assertTrue(scheduler.state(A.url()).orElseThrow().recovered(), "a 304 says the body is as it was");
        scheduler.due(later.plus(Duration.ofMinutes(10)), s -> true);
        scheduler.failed(A.url(), later.plus(Duration.ofMinutes(10)), 503, null, "HTTP status 503");
        assertTrue(scheduler.state(A.url()).orElseThrow().recovered(), "a failure says nothing of the body");

        Instant fixed = later.plus(Duration.ofHours(2));
        scheduler.due(fixed, s -> true);
        scheduler.succeeded(A.url(), fixed, 200, Conditional.NONE, null, null, CacheHints.NONE, 3, false);
        assertFalse(scheduler.state(A.url()).orElseThrow().recovered());
    }

    @Test
    void hostLimitsBoundEachHostAndTheTotal() {
        HostLimits limits = new HostLimits(3, 2);
        assertTrue(limits.tryAcquire("https://a.example/1"));
        assertTrue(limits.tryAcquire("https://A.example/2"));
        assertFalse(limits.tryAcquire("https://a.example/3"), "per-host limit");
        assertTrue(limits.tryAcquire("https://b.example/1"));
        assertFalse(limits.tryAcquire("https://c.example/1"), "global limit");
        assertTrue(limits.full());
        limits.release("https://a.example/1");
        assertFalse(limits.full());
        assertTrue(limits.tryAcquire("https://c.example/1"));
        assertEquals(3, limits.inUse());
        limits.release("https://A.example/2");
        assertTrue(limits.tryAcquire("https://a.example/3"), "a slot given back frees its host");
    }

    @Test
    void removalsAreCounted() {
        scheduler.add(A, T0);
        long before = scheduler.removals();
        scheduler.remove(A.url());
        assertEquals(before + 1, scheduler.removals());
    }

    private static List<String> keys(List<FeedState> states) {
        return states.stream().map(FeedState::key).toList();
    }
}
