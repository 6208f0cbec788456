package dev.newsmon.sink.delivery;

import dev.failsafe.RetryPolicyBuilder;

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

    /** This schedule as a Failsafe policy, to which the caller adds what counts as a failure worth retrying. */
    public <R> RetryPolicyBuilder<R> failsafe() {
        RetryPolicyBuilder<R> builder = dev.failsafe.RetryPolicy.<R>builder().withMaxAttempts(maxAttempts);
        Duration first = backoff.compareTo(backoffMax) > 0 ? backoffMax : backoff;
        if (first.isZero() || first.isNegative()) {
            return builder; // no wait between attempts
        }
        // Failsafe wants a cap above the first wait; with none, every wait is the first.
        return first.compareTo(backoffMax) < 0 ? builder.withBackoff(first, backoffMax, 2)
                : builder.withDelay(first);
    }
}
