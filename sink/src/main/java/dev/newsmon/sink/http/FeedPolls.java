package dev.newsmon.sink.http;

import dev.newsmon.common.model.FeedStatus;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each feed's latest status and the polls of the window, from which its {@link FeedHealth} is derived. Not
 * thread-safe: {@link AlertView} guards it.
 */
final class FeedPolls {
    /** What one poll left: items produced, and whether it failed. */
    private record Poll(int produced, boolean failed) {
    }

    private static final Comparator<FeedHealth> ATTENTION_FIRST = Comparator.comparing(FeedHealth::state)
            .thenComparing(FeedHealth::lastSuccess, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(FeedHealth::outlet, String.CASE_INSENSITIVE_ORDER);

    private final Duration window;
    private final Map<String, FeedStatus> latest = new LinkedHashMap<>();
    /** The outlet each feed's alerts name, for a feed listed without a name. */
    private final Map<String, String> outlets = new HashMap<>();
    /** Per feed, its polls by start time: a status read twice is one poll. */
    private final Map<String, TreeMap<Instant, Poll>> polls = new LinkedHashMap<>();

    FeedPolls(Duration window) {
        this.window = window;
    }

    /** The outlet an alert of {@code feedUrl} names. */
    void outlet(String feedUrl, String outlet) {
        if (feedUrl != null && outlet != null && !outlet.isBlank()) {
            outlets.put(feedUrl, outlet);
        }
    }

    /** Records a status as its producer wrote it; returns the feed's health after it. */
    FeedHealth record(String feedUrl, FeedStatus status, Instant now) {
        FeedStatus known = latest.get(feedUrl);
        if (known == null || known.lastAttempt() == null || status.lastAttempt() == null
                || !status.lastAttempt().isBefore(known.lastAttempt())) {
            latest.put(feedUrl, status);
        }
        if (status.lastAttempt() != null) {
            polls.computeIfAbsent(feedUrl, k -> new TreeMap<>()).put(status.lastAttempt(),
                    new Poll(status.itemsProduced(), status.consecutiveErrors() > 0));
        }
        return health(feedUrl, now);
    }

    /** Forgets a feed deleted from the feed list. */
    void remove(String feedUrl) {
        latest.remove(feedUrl);
        polls.remove(feedUrl);
    }

    /** Every feed, those that need a person first, then the longest without a success. */
    List<FeedHealth> all(Instant now) {
        List<FeedHealth> out = new ArrayList<>();
        for (String feed : latest.keySet()) {
            out.add(health(feed, now));
        }
        out.sort(ATTENTION_FIRST);
        return out;
    }

    private FeedHealth health(String feedUrl, Instant now) {
        FeedStatus s = latest.get(feedUrl);
        TreeMap<Instant, Poll> recent = polls.getOrDefault(feedUrl, new TreeMap<>());
        recent.headMap(now.minus(window)).clear();
        int items = recent.values().stream().mapToInt(Poll::produced).sum();
        int failed = (int) recent.values().stream().filter(Poll::failed).count();
        FeedHealth.State state = state(s, failed);
        String problem = switch (state) {
            case OK -> null;
            case MOVED -> "Moved permanently to " + s.fetchUrl() + ": update the feed list.";
            case RECOVERED -> failed + (failed == 1 ? " poll" : " polls") + " failed within the last "
                    + hours(window) + "; the latest succeeded.";
            default -> FeedProblems.describe(s.httpStatus(), s.lastError());
        };
        return new FeedHealth(feedUrl, s.fetchUrl(), outlet(s), state, s.lastAttempt(), s.lastSuccess(),
                s.nextPoll(), s.httpStatus(), s.consecutiveErrors(), problem, s.lastError(), items, failed);
    }

    private static FeedHealth.State state(FeedStatus s, int failedInWindow) {
        if (s.disabled()) {
            return FeedHealth.State.GONE;
        }
        if (s.consecutiveErrors() > 0) {
            return s.httpStatus() == 429 || s.httpStatus() == 503 ? FeedHealth.State.BACKING_OFF
                    : FeedHealth.State.FAILING;
        }
        if (!s.fetchUrl().equals(s.feedUrl())) {
            return FeedHealth.State.MOVED;
        }
        return failedInWindow > 0 ? FeedHealth.State.RECOVERED : FeedHealth.State.OK;
    }

    /** The name the feed is listed under, else the outlet its alerts name, else its host and path. */
    private String outlet(FeedStatus s) {
        if (s.outlet() != null && !s.outlet().isBlank()) {
            return s.outlet();
        }
        String named = outlets.get(s.feedUrl());
        if (named != null) {
            return named;
        }
        try {
            URI uri = URI.create(s.feedUrl());
            return uri.getHost() == null ? s.feedUrl() : uri.getHost() + (uri.getPath() == null ? "" : uri.getPath());
        } catch (IllegalArgumentException e) {
            return s.feedUrl();
        }
    }

    private static String hours(Duration d) {
        return d.toMinutesPart() == 0 ? d.toHours() + " h" : d.toMinutes() + " min";
    }
}
