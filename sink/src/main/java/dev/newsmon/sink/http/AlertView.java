package dev.newsmon.sink.http;

import dev.newsmon.common.model.Alert;
import dev.newsmon.common.model.FeedStatus;
import dev.newsmon.sink.story.StoryReconciler;
import dev.newsmon.sink.story.StoryStore;

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
 * status of each feed, kept in memory from the topics and rebuilt from them at start. Alerts are filed by item id
 * ({@link StoryReconciler}), so the alerts of a replay show no second story, and a story shows under the id of its
 * earliest alert in the window, whatever order the rebuild reads them in. Thread-safe.
 */
public final class AlertView {
    private final Duration window;
    private final Clock clock;
    private final Map<String, StoryView> stories = new LinkedHashMap<>();
    /** Item id to its story: a re-delivered or replayed item is recognised for as long as its story is shown. */
    private final Map<String, String> items = new HashMap<>();
    /** The other ids of the stories shown, to the story each names. */
    private final Map<String, String> aliases = new HashMap<>();
    private final Filing filing = new Filing();
    private final FeedPolls feeds;
    private final List<Consumer<StoryView>> storyListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<FeedHealth>> feedListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> feedRemovedListeners = new CopyOnWriteArrayList<>();

    public AlertView(Duration window, Clock clock) {
        this.window = window;
        this.clock = clock;
        this.feeds = new FeedPolls(window);
    }

    public Duration window() {
        return window;
    }

    /** Adds an alert; an item seen before (a re-delivery or a replay) or older than the window adds no item. */
    public void add(Alert alert) {
        StoryView updated;
        synchronized (this) {
            feeds.outlet(alert.feedUrl(), alert.outlet());
            if (alert.alerted().isBefore(clock.instant().minus(window))) {
                return;
            }
            filing.changed = null;
            StoryReconciler.file(alert, filing);
            expire();
            updated = filing.changed == null ? null : stories.get(filing.changed);
        }
        if (updated != null) {
            storyListeners.forEach(l -> l.accept(updated));
        }
    }

    /** A status of a feed, as its producer wrote it after a poll. */
    public void feedStatus(String feedUrl, FeedStatus status) {
        FeedHealth health;
        synchronized (this) {
            health = feeds.record(feedUrl, status, clock.instant());
        }
        feedListeners.forEach(l -> l.accept(health));
    }

    /** A feed deleted from the feed list: its status was withdrawn (a tombstone). */
    public void feedRemoved(String feedUrl) {
        synchronized (this) {
            feeds.remove(feedUrl);
        }
        feedRemovedListeners.forEach(l -> l.accept(feedUrl));
    }

    /** The stories of the window, newest first, optionally only those with {@code tag}. */
    public synchronized List<StoryView> stories(String tag) {
        expire();
        return stories.values().stream()
                .filter(s -> tag == null || tag.isEmpty() || s.tags().contains(tag))
                .sorted(Comparator.comparing(StoryView::latestSeen).reversed())
                .toList();
    }

    /** The story of {@code storyId}, or of which it is another id, if the window holds it. */
    public synchronized Optional<StoryView> story(String storyId) {
        expire();
        return filing.storyNamed(storyId).map(stories::get);
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

    /** Told the URL of each feed deleted from the feed list. */
    public void onFeedRemoved(Consumer<String> listener) {
        feedRemovedListeners.add(listener);
    }

    public void removeFeedRemovedListener(Consumer<String> listener) {
        feedRemovedListeners.remove(listener);
    }

    private void expire() {
        Instant cutoff = clock.instant().minus(window);
        stories.values().removeIf(s -> s.latestSeen().isBefore(cutoff));
        items.values().removeIf(story -> !stories.containsKey(story));
        aliases.values().removeIf(story -> !stories.containsKey(story));
    }

    /** The maps above as a story store; notes the story an alert changed. Called under the view's lock. */
    private final class Filing implements StoryStore<RuntimeException> {
        private String changed;

        @Override
        public Optional<String> storyOfItem(String itemId) {
            return Optional.ofNullable(items.get(itemId));
        }

        @Override
        public Optional<String> storyNamed(String storyId) {
            return stories.containsKey(storyId) ? Optional.of(storyId) : Optional.ofNullable(aliases.get(storyId));
        }

        @Override
        public Instant firstSeen(String storyId) {
            return stories.get(storyId).firstSeen();
        }

        @Override
        public void add(Alert alert, String storyId) {
            StoryView old = stories.get(storyId);
            stories.put(storyId, old == null ? StoryView.of(alert) : old.with(alert));
            items.put(alert.itemId(), storyId);
            changed = storyId;
        }

        @Override
        public void alias(String aliasId, String storyId) {
            aliases.put(aliasId, storyId);
            stories.put(storyId, stories.get(storyId).withAlias(aliasId));
            changed = storyId;
        }

        @Override
        public void rename(String from, String to, Instant seen) {
            stories.put(to, stories.remove(from).renamed(to, seen));
            moved(from, to);
        }

        @Override
        public void fold(String from, String into) {
            stories.put(into, stories.get(into).absorb(stories.remove(from)));
            moved(from, into);
        }

        private void moved(String from, String to) {
            items.replaceAll((item, story) -> story.equals(from) ? to : story);
            aliases.replaceAll((alias, story) -> story.equals(from) ? to : story);
            aliases.put(from, to);
            changed = to;
        }
    }
}
