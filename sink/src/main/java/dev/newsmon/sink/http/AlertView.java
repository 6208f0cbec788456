package dev.newsmon.sink.http;

import dev.newsmon.common.model.Alert;
import dev.newsmon.common.model.FeedStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What the dashboard and the Atom feed show: the stories of the last window (24 h by default) and the latest
 * status of each feed, kept in memory from the topics and rebuilt from them at start. Thread-safe.
 */
public final class AlertView {
    private final Duration window;
    private final Clock clock;
    private final Map<String, StoryView> stories = new LinkedHashMap<>();
    /** Item id to alert time: a re-delivered item is recognised for as long as its story is shown. */
    private final Map<String, Instant> seenItems = new HashMap<>();
    private final FeedPolls feeds;
    private final List<Consumer<StoryView>> storyListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<FeedHealth>> feedListeners = new CopyOnWriteArrayList<>();

    public AlertView(Duration window, Clock clock) {
        this.window = window;
        this.clock = clock;
        this.feeds = new FeedPolls(window);
    }

    public Duration window() {
        return window;
    }

    /** Adds an alert; an item seen before (a re-delivery) or older than the window changes nothing. */
    public void add(Alert alert) {
        StoryView updated;
        synchronized (this) {
            feeds.outlet(alert.feedUrl(), alert.outlet());
            if (alert.alerted().isBefore(clock.instant().minus(window))) {
                return;
            }
            if (seenItems.putIfAbsent(alert.itemId(), alert.alerted()) != null) {
                return;
            }
            StoryView old = stories.get(alert.storyId());
            updated = old == null ? StoryView.of(alert) : old.with(alert);
            stories.put(alert.storyId(), updated);
            expire();
        }
        storyListeners.forEach(l -> l.accept(updated));
    }

    /** A status of a feed, as its producer wrote it after a poll. */
    public void feedStatus(String feedUrl, FeedStatus status) {
        FeedHealth health;
        synchronized (this) {
            health = feeds.record(feedUrl, status, clock.instant());
        }
        feedListeners.forEach(l -> l.accept(health));
    }

    /** The stories of the window, newest first, optionally only those with {@code tag}. */
    public synchronized List<StoryView> stories(String tag) {
        expire();
        return stories.values().stream()
                .filter(s -> tag == null || tag.isEmpty() || s.tags().contains(tag))
                .sorted(Comparator.comparing(StoryView::latestSeen).reversed())
                .toList();
    }

    /** The story of {@code storyId}, if the window holds it. */
    public synchronized Optional<StoryView> story(String storyId) {
        expire();
        return Optional.ofNullable(stories.get(storyId));
    }

    /** Every feed's health, those that need a person first. */
    public synchronized List<FeedHealth> feeds() {
        return feeds.all(clock.instant());
    }

    public void onStory(Consumer<StoryView> listener) {
        storyListeners.add(listener);
    }

    public void removeStoryListener(Consumer<StoryView> listener) {
        storyListeners.remove(listener);
    }

    public void onFeedStatus(Consumer<FeedHealth> listener) {
        feedListeners.add(listener);
    }

    public void removeFeedListener(Consumer<FeedHealth> listener) {
        feedListeners.remove(listener);
    }

    private void expire() {
        Instant cutoff = clock.instant().minus(window);
        stories.values().removeIf(s -> s.latestSeen().isBefore(cutoff));
        seenItems.values().removeIf(t -> t.isBefore(cutoff));
    }
}
