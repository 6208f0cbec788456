package dev.newsmon.ingest.schedule;

import dev.newsmon.ingest.feedlist.FeedSource;
import dev.newsmon.ingest.fetch.CacheHints;
import dev.newsmon.ingest.fetch.Conditional;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Decides which feeds to poll and when, from each feed's {@link FeedState} and the {@link PollPolicy}. It never
 * fetches anything itself. A feed handed out by {@link #due} is in flight until {@link #succeeded} or
 * {@link #failed} reports on it, and is not handed out twice meanwhile. Feeds come and go at any time
 * ({@link #add}, {@link #remove}), as the feed list or a Kafka rebalance changes. Thread-safe.
 */
public final class Scheduler {
    private final PollPolicy policy;
    private final Map<String, FeedState> feeds = new LinkedHashMap<>();
    private final Map<String, Boolean> inFlight = new LinkedHashMap<>();
    private long removals;

    public Scheduler(PollPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * Adds a feed, due at {@code at}. A feed already known keeps its state (validators, backoff, moved URL) and
     * takes the new listing's name, headers and interval; a disabled one (410) is enabled again, since adding it
     * anew is how a person says it is back.
     */
    public synchronized void add(FeedSource source, Instant at) {
        FeedState known = feeds.get(source.url());
        if (known == null) {
            feeds.put(source.url(), FeedState.fresh(source, at));
        } else {
            feeds.put(source.url(), new FeedState(source, known.fetchUrl(), known.validators(),
                    known.disabled() ? 0 : known.consecutiveErrors(), known.disabled() ? at : known.nextPoll(), false,
                    known.lastAttempt(), known.lastSuccess(), known.lastStatus(), known.lastError(),
                    known.itemsSeen(), known.recovered()));
        }
    }

    /** Adds a feed with the state it had before (restored from Kafka). */
    public synchronized void restore(FeedState state) {
        feeds.put(state.key(), state);
    }

    /** Forgets a feed; a poll of it still in flight is reported to nobody. */
    public synchronized boolean remove(String url) {
        inFlight.remove(url);
        removals++;
        return feeds.remove(url) != null;
    }

    /** How many times {@link #remove} was called: a caller holding keys need only look them up when it changed. */
    public synchronized long removals() {
        return removals;
    }

    /** Makes every enabled feed due at {@code now}: a poll of everything, as {@code run --once} asks. */
    public synchronized List<String> dueAll(Instant now) {
        List<String> keys = new ArrayList<>();
        feeds.replaceAll((k, s) -> s.disabled() ? s : withNextPoll(s, now));
        feeds.values().stream().filter(s -> !s.disabled()).forEach(s -> keys.add(s.key()));
        return keys;
    }

    /**
     * The feeds due at {@code now}, most overdue first, that {@code admit} accepts (it takes a fetch slot); each is
     * in flight until reported on.
     */
    public synchronized List<FeedState> due(Instant now, Predicate<FeedState> admit) {
        List<FeedState> candidates = feeds.values().stream()
                .filter(s -> !s.disabled() && !inFlight.containsKey(s.key()) && !s.nextPoll().isAfter(now))
                .sorted(Comparator.comparing(FeedState::nextPoll))
                .toList();
        List<FeedState> out = new ArrayList<>();
        for (FeedState s : candidates) {
            if (admit.test(s)) {
                inFlight.put(s.key(), Boolean.TRUE);
                out.add(s);
            }
        }
        return out;
    }

    /** When the next feed that is not in flight falls due, if any. */
    public synchronized Optional<Instant> nextDue() {
        return feeds.values().stream().filter(s -> !s.disabled() && !inFlight.containsKey(s.key()))
                .map(FeedState::nextPoll).min(Comparator.naturalOrder());
    }

    /**
     * Records a successful poll (a body or a 304) started at {@code at}.
     *
     * @param items     entries read, or -1 on a 304 (the count stays as it was)
     * @param recovered whether the body needed the lenient parser (on a 304 it stays as it was)
     * @return the new state, or empty if the feed was removed meanwhile
     */
    public synchronized Optional<FeedState> succeeded(String url, Instant at, int status, Conditional validators,
                                                      URI movedTo, Duration ttl, CacheHints hints, int items,
                                                      boolean recovered) {
        inFlight.remove(url);
        FeedState s = feeds.get(url);
        if (s == null) {
            return Optional.empty();
        }
        Duration delay = policy.afterSuccess(s.source().interval(), ttl, hints);
        FeedState next = new FeedState(s.source(), movedTo != null ? movedTo.toString() : s.fetchUrl(), validators,
                0, at.plus(delay), false, at, at, status, null, items < 0 ? s.itemsSeen() : items,
                items < 0 ? s.recovered() : recovered);
        feeds.put(url, next);
        return Optional.of(next);
    }

    /**
     * Records a failed poll started at {@code at}. A 410 disables the feed.
     *
     * @param status     HTTP status of the failure, or 0
     * @param retryAfter the server's Retry-After, or null
     * @return the new state, or empty if the feed was removed meanwhile
     */
    public synchronized Optional<FeedState> failed(String url, Instant at, int status, Duration retryAfter,
                                                   String error) {
        inFlight.remove(url);
        FeedState s = feeds.get(url);
        if (s == null) {
            return Optional.empty();
        }
        int errors = s.consecutiveErrors() + 1;
        Duration delay = policy.afterFailure(s.source().interval(), errors, status, retryAfter);
        FeedState next = new FeedState(s.source(), s.fetchUrl(), s.validators(), errors, at.plus(delay),
                status == 410, at, s.lastSuccess(), status, error, s.itemsSeen(), s.recovered());
        feeds.put(url, next);
        return Optional.of(next);
    }

    /** Releases a feed handed out by {@link #due} without a poll (it could not be started): due as before. */
    public synchronized void abandoned(String url) {
        inFlight.remove(url);
    }

    public synchronized Optional<FeedState> state(String url) {
        return Optional.ofNullable(feeds.get(url));
    }

    /** How many feeds it schedules, disabled ones included. */
    public synchronized int size() {
        return feeds.size();
    }

    public synchronized List<FeedState> states() {
        return List.copyOf(feeds.values());
    }

    private static FeedState withNextPoll(FeedState s, Instant at) {
        return new FeedState(s.source(), s.fetchUrl(), s.validators(), s.consecutiveErrors(), at, s.disabled(),
                s.lastAttempt(), s.lastSuccess(), s.lastStatus(), s.lastError(), s.itemsSeen(), s.recovered());
    }
}
