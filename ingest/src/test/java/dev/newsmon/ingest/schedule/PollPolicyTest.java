package dev.newsmon.ingest.schedule;

import dev.newsmon.ingest.fetch.CacheHints;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PollPolicyTest {
    private static final Duration TEN_MIN = Duration.ofMinutes(10);
    private final PollPolicy noJitter = policy(() -> 0.999_999);

    private static PollPolicy policy(java.util.function.DoubleSupplier random) {
        return new PollPolicy(TEN_MIN, Duration.ofMinutes(1), Duration.ofHours(6), Duration.ofHours(12), random);
    }

    @Test
    void successWaitsForTheLongestOfIntervalTtlCacheHeadersAndRetryAfter() {
        assertEquals(TEN_MIN, noJitter.afterSuccess(null, null, CacheHints.NONE));
        assertEquals(Duration.ofMinutes(30), noJitter.afterSuccess(null, Duration.ofMinutes(30), CacheHints.NONE));
        assertEquals(Duration.ofHours(1), noJitter.afterSuccess(null, Duration.ofMinutes(30),
                new CacheHints(Duration.ofHours(1), null)));
        assertEquals(Duration.ofMinutes(20), noJitter.afterSuccess(null, null,
                new CacheHints(Duration.ofMinutes(5), Duration.ofMinutes(20))));
        assertEquals(Duration.ofMinutes(3), noJitter.afterSuccess(Duration.ofMinutes(3), null, CacheHints.NONE),
                "a feed's own interval replaces the configured one");
    }

    @Test
    void everyDelayIsClampedBetweenMinAndMax() {
        assertEquals(Duration.ofMinutes(1), noJitter.afterSuccess(Duration.ofSeconds(5), null, CacheHints.NONE));
        assertEquals(Duration.ofHours(6), noJitter.afterSuccess(null, Duration.ofDays(3), CacheHints.NONE));
        assertEquals(Duration.ofHours(6), noJitter.afterFailure(null, 1, 503, Duration.ofDays(365)));
    }

    @Test
    void errorsBackOffExponentiallyUpToTheCap() {
        assertEquals(Duration.ofMinutes(20), round(noJitter.afterFailure(null, 1, 500, null)));
        assertEquals(Duration.ofMinutes(40), round(noJitter.afterFailure(null, 2, 500, null)));
        assertEquals(Duration.ofMinutes(80), round(noJitter.afterFailure(null, 3, 0, null)));
        assertEquals(Duration.ofHours(6), round(noJitter.afterFailure(null, 50, 0, null)));
    }

    @Test
    void jitterSpreadsRetriesBetweenThreeQuartersAndTheFullBackoff() {
        assertEquals(Duration.ofMinutes(15), policy(() -> 0.0).afterFailure(null, 1, 500, null));
        Duration mid = policy(() -> 0.5).afterFailure(null, 1, 500, null);
        assertTrue(mid.compareTo(Duration.ofMinutes(15)) > 0 && mid.compareTo(Duration.ofMinutes(20)) < 0, "" + mid);
    }

    @Test
    void retryAfterIsHonouredOverAShorterBackoff() {
        assertEquals(Duration.ofMinutes(50), noJitter.afterFailure(null, 1, 429, Duration.ofMinutes(50)));
        assertEquals(Duration.ofMinutes(20), round(noJitter.afterFailure(null, 1, 429, Duration.ofSeconds(120))),
                "a Retry-After shorter than the backoff does not shorten it");
    }

    @Test
    void missingFeedsWaitTheirOwnLongerBackoff() {
        assertEquals(Duration.ofHours(6), noJitter.afterFailure(null, 1, 404, null), "12h clamped to the 6h cap");
        PollPolicy roomy = new PollPolicy(TEN_MIN, Duration.ofMinutes(1), Duration.ofDays(2), Duration.ofHours(12),
                () -> 0.5);
        assertEquals(Duration.ofHours(12), roomy.afterFailure(null, 1, 410, null));
        assertEquals(Duration.ofHours(12), roomy.afterFailure(null, 1, 404, null));
    }

    @Test
    void minAboveMaxIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PollPolicy(TEN_MIN, Duration.ofHours(2),
                Duration.ofHours(1), Duration.ofHours(1), () -> 0.5));
    }

    private static Duration round(Duration d) {
        return Duration.ofSeconds(Math.round(d.toMillis() / 1000.0));
    }
}
