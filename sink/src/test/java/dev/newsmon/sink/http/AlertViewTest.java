package dev.newsmon.sink.http;

import dev.newsmon.common.model.Alert;
import dev.newsmon.common.model.FeedStatus;
import dev.newsmon.sink.TestAlerts;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.newsmon.common.model.Alert.Kind.COPY;
import static dev.newsmon.common.model.Alert.Kind.STORY;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The view files alerts by item id: the alerts of a replay that names stories differently show no second story. */
class AlertViewTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    private static final Instant FIRST_RUN = Instant.parse("2026-11-26T09:00:00Z");
    private static final Instant REPLAY = Instant.parse("2026-11-26T10:00:00Z");

    /** The first run opened the story with item b; the replay, with its items in another order, with item a. */
    private static final List<Alert> FIRST = List.of(
            TestAlerts.alert("s-b", "b", STORY, null, FIRST_RUN),
            TestAlerts.alert("s-b", "a", COPY, "b", FIRST_RUN.plusSeconds(1)),
            TestAlerts.alert("s-b", "c", COPY, "b", FIRST_RUN.plusSeconds(2)));
    private static final List<Alert> REPLAYED = List.of(
            TestAlerts.alert("s-a", "a", STORY, null, REPLAY),
            TestAlerts.alert("s-a", "c", COPY, "a", REPLAY.plusSeconds(1)),
            TestAlerts.alert("s-a", "b", COPY, "a", REPLAY.plusSeconds(2)));

    @Test
    void aReplayUnderOtherIdsShowsOneStoryUnderTheFirstId() {
        AlertView view = view(FIRST, REPLAYED);
        assertEquals(List.of("s-b"), ids(view));
        StoryView story = view.stories(null).get(0);
        assertEquals(List.of("s-a"), story.aliases());
        assertEquals(Set.of("a", "b", "c"), items(story));
        assertEquals(3, story.outletCount(), "each item counted once");
    }

    @Test
    void everyOrderOfTheAlertsOfBothRunsShowsTheStoryUnderItsEarliestAlertsId() {
        List<Alert> all = new ArrayList<>(FIRST);
        all.addAll(REPLAYED);
        List<List<Alert>> orders = new ArrayList<>();
        permute(all, 0, orders);
        for (List<Alert> order : orders) {
            AlertView view = view(order);
            assertEquals(List.of("s-b"), ids(view), order::toString);
            assertEquals(Set.of("a", "b", "c"), items(view.stories(null).get(0)), order::toString);
            assertEquals(List.of("s-a"), view.stories(null).get(0).aliases(), order::toString);
            assertEquals(3, view.stories(null).get(0).outletCount(), order::toString);
        }
        assertEquals(720, orders.size());
    }

    @Test
    void aReplayThatOpensAStoryWithANewItemJoinsItToTheStoredStoryOnceItsCopiesShowItIsTheSame() {
        List<StoryView> events = new CopyOnWriteArrayList<>();
        AlertView view = view(FIRST);
        view.onStory(events::add);
        // d is new (new rules tag it): the replay opens its story with it, then finds b and c as its copies.
        view.add(TestAlerts.alert("s-d", "d", STORY, null, REPLAY));
        assertEquals(List.of("s-b", "s-d"), ids(view), "d alone is a story of its own for now");
        view.add(TestAlerts.alert("s-d", "b", COPY, "d", REPLAY.plusSeconds(1)));
        view.add(TestAlerts.alert("s-d", "c", COPY, "d", REPLAY.plusSeconds(2)));

        assertEquals(List.of("s-b"), ids(view));
        StoryView story = view.stories(null).get(0);
        assertEquals(Set.of("a", "b", "c", "d"), items(story));
        assertEquals(List.of("s-d"), story.aliases(), "the page drops the card of s-d on this event");
        assertEquals(story, events.get(events.size() - 1));
    }

    @Test
    void aReDeliveredAlertChangesNothingAndTellsNoOne() {
        List<StoryView> events = new CopyOnWriteArrayList<>();
        AlertView view = view(FIRST);
        view.onStory(events::add);
        List<StoryView> before = view.stories(null);
        FIRST.forEach(view::add);
        assertEquals(before, view.stories(null));
        assertEquals(List.of(), events);
    }

    @Test
    void aFeedDeletedFromTheFeedListLeavesTheFeedHealthAndTellsTheListeners() {
        List<String> removed = new CopyOnWriteArrayList<>();
        AlertView view = view();
        view.onFeedRemoved(removed::add);
        for (String url : List.of("https://a.example/rss", "https://b.example/rss")) {
            view.feedStatus(url, new FeedStatus(1, url, null, null, FIRST_RUN, FIRST_RUN, 200, 0,
                    FIRST_RUN.plusSeconds(600), null, 4, 4, false, null, null, false));
        }
        view.feedRemoved("https://a.example/rss");
        assertEquals(List.of("https://b.example/rss"), view.feeds().stream().map(FeedHealth::feedUrl).toList());
        assertEquals(List.of("https://a.example/rss"), removed);
    }

    @SafeVarargs
    private static AlertView view(List<Alert>... runs) {
        AlertView view = new AlertView(Duration.ofHours(24), CLOCK);
        for (List<Alert> run : runs) {
            run.forEach(view::add);
        }
        return view;
    }

    private static List<String> ids(AlertView view) {
        return view.stories(null).stream().map(StoryView::storyId).sorted().toList();
    }

    private static Set<String> items(StoryView story) {
        Set<String> items = new TreeSet<>();
        items.add(story.itemId());
        story.copies().forEach(c -> items.add(c.itemId()));
        return items;
    }

    private static void permute(List<Alert> alerts, int from, List<List<Alert>> out) {
        if (from == alerts.size()) {
            out.add(List.copyOf(alerts));
            return;
        }
        for (int i = from; i < alerts.size(); i++) {
            Collections.swap(alerts, from, i);
            permute(alerts, from + 1, out);
            Collections.swap(alerts, from, i);
        }
    }
}
