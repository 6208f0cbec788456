package dev.newsmon.sink.delivery;

import java.time.Duration;

/**
 * How often and how patiently a message is tried: up to {@code maxAttempts} attempts, waiting {@code backoff}
 * before the first retry and twice as long before each next one, never longer than {@code backoffMax}.
 */
public record RetryPolicy(int maxAttempts, Duration backoff, Duration backoffMax) {
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts must be at least 1, got " + maxAttempts);
        }
    }

    /** The wait before attempt {@code n + 1} after {@code n} failed attempts: doubled each time, capped. */
    public Duration backoffAfter(int failedAttempts) {
        Duration d = backoff;
        for (int i = 1; i < failedAttempts && d.compareTo(backoffMax) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(backoffMax) > 0 ? backoffMax : d;
    }
}
