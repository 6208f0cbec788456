package dev.newsmon.ingest.schedule;

import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import dev.newsmon.ingest.fetch.CacheHints;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;

/**
 * How long to leave a feed alone after a poll. Pure arithmetic over the configuration, so it is tested alone.
 *
 * <ul>
 *   <li>After a success (200 or 304): the largest of the feed's interval, its {@code <ttl>}, the server's
 *       {@code Cache-Control: max-age} or {@code Expires}, and {@code Retry-After}.</li>
 *   <li>After the n-th error in a row (5xx, 429, timeout, network, parse): the interval times 2^n, capped, then
 *       scaled by a random factor in [0.75, 1) so that feeds failing together do not retry together; never less
 *       than the server's {@code Retry-After}.</li>
 *   <li>After a 404 or 410: {@link Settings#INGEST_MISSING_BACKOFF}, or the exponential backoff if longer.</li>
 * </ul>
 * Every delay is clamped between {@link Settings#INGEST_POLL_INTERVAL_MIN} and {@link Settings#INGEST_POLL_INTERVAL_MAX}.
 */
public final class PollPolicy {
    private static final int MAX_DOUBLINGS = 30;
    private static final double JITTER_FLOOR = 0.75;

    private final Duration interval;
    private final Duration min;
    private final Duration max;
    private final Duration missing;
    private final DoubleSupplier random;

    /** @param random values in [0, 1), the jitter */
    public PollPolicy(Duration interval, Duration min, Duration max, Duration missing, DoubleSupplier random) {
        this.interval = Objects.requireNonNull(interval, "interval");
        this.min = Objects.requireNonNull(min, "min");
        this.max = Objects.requireNonNull(max, "max");
        this.missing = Objects.requireNonNull(missing, "missing");
        this.random = Objects.requireNonNull(random, "random");
        if (min.compareTo(max) > 0) {
            throw new IllegalArgumentException(Settings.INGEST_POLL_INTERVAL_MIN.key() + " (" + min + ") exceeds "
                    + Settings.INGEST_POLL_INTERVAL_MAX.key() + " (" + max + ")");
        }
    }

    public static PollPolicy from(NewsmonConfig config) {
        return new PollPolicy(config.get(Settings.INGEST_POLL_INTERVAL), config.get(Settings.INGEST_POLL_INTERVAL_MIN),
                config.get(Settings.INGEST_POLL_INTERVAL_MAX), config.get(Settings.INGEST_MISSING_BACKOFF),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param feedInterval the feed's own interval, or null for the configured one */
    public Duration afterSuccess(Duration feedInterval, Duration ttl, CacheHints hints) {
        CacheHints h = hints == null ? CacheHints.NONE : hints;
        return clamp(longest(intervalOf(feedInterval), ttl, h.freshFor(), h.retryAfter()));
    }

    /**
     * @param consecutiveErrors errors in a row, this one included (at least 1)
     * @param status            the HTTP status of the failure, or 0 when there was none
     * @param retryAfter        the server's Retry-After, or null
     */
    public Duration afterFailure(Duration feedInterval, int consecutiveErrors, int status, Duration retryAfter) {
        int doublings = Math.min(Math.max(consecutiveErrors, 1), MAX_DOUBLINGS);
        Duration base = intervalOf(feedInterval);
        Duration backoff = base.compareTo(max.dividedBy(1L << doublings)) > 0 ? max : base.multipliedBy(1L << doublings);
        Duration jittered = Duration.ofMillis((long) (backoff.toMillis() * (JITTER_FLOOR
                + (1 - JITTER_FLOOR) * random.getAsDouble())));
        Duration floor = status == 404 || status == 410 ? missing : null;
        return clamp(longest(jittered, floor, retryAfter));
    }

    private Duration intervalOf(Duration feedInterval) {
        return feedInterval != null ? feedInterval : interval;
    }

    private Duration clamp(Duration d) {
        return d.compareTo(min) < 0 ? min : d.compareTo(max) > 0 ? max : d;
    }

    private static Duration longest(Duration... candidates) {
        return Stream.of(candidates).filter(Objects::nonNull).max(Duration::compareTo).orElseThrow();
    }
}
