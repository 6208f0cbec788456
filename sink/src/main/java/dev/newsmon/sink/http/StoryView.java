package dev.newsmon.sink.http;

import dev.newsmon.common.model.Alert;
import dev.newsmon.common.model.TagMatch;
import dev.newsmon.common.model.TagRelevance;

import dev.newsmon.common.subscription.Subscription;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A story as the dashboard shows it: its first item, its copies, and the union of their tags. Immutable; a new
 * copy makes a new view.
 *
 * @param storyId     the story id
 * @param title       headline of the first item (of the first copy seen when the story itself is older)
 * @param url         link of the first item
 * @param outlet      outlet of the first item
 * @param tags        tags of every item, sorted
 * @param matches     the first item's matches, for highlighting the headline
 * @param relevance   the first item's relevance per tag: how much it is about each, and why
 * @param outlets     the outlets of every item, in arrival order, the first included
 * @param firstSeen   when the first item was alerted
 * @param latestSeen  when the latest copy was alerted
 * @param copies      the copies, in arrival order
 * @param spreading   whether the story spreads by the default growth rule (3 outlets within 6 h of its first
 *                    item), as a subscription's growth alert would say: the dashboard marks it
 */
public record StoryView(String storyId, String title, String url, String outlet, List<String> tags,
                        Map<String, List<TagMatch>> matches, Map<String, TagRelevance> relevance,
                        List<String> outlets, Instant firstSeen,
                        Instant latestSeen, List<Copy> copies, boolean spreading) {

    public record Copy(String itemId, String outlet, String title, String url, Instant alerted, Double similarity) {
    }

    public StoryView {
        tags = List.copyOf(tags);
        matches = Map.copyOf(matches);
        relevance = Map.copyOf(relevance);
        outlets = List.copyOf(outlets);
        copies = List.copyOf(copies);
    }

    public static StoryView of(Alert first) {
        List<Copy> copies = first.kind() == Alert.Kind.COPY ? List.of(copy(first)) : List.of();
        return new StoryView(first.storyId(), first.title(), first.url(), first.outlet(), first.tags(),
                first.matches(), first.relevance(), List.of(first.outlet()), first.alerted(), first.alerted(), copies,
                false);
    }

    /** This story with one more item; the story alert itself, arriving after a copy, takes over the headline. */
    public StoryView with(Alert alert) {
        TreeSet<String> allTags = new TreeSet<>(tags);
        allTags.addAll(alert.tags());
        List<String> allOutlets = new ArrayList<>(outlets);
        allOutlets.add(alert.outlet());
        Instant first = alert.alerted().isBefore(firstSeen) ? alert.alerted() : firstSeen;
        Instant latest = alert.alerted().isAfter(latestSeen) ? alert.alerted() : latestSeen;
        if (alert.kind() == Alert.Kind.STORY) {
            return spread(new StoryView(storyId, alert.title(), alert.url(), alert.outlet(), List.copyOf(allTags),
                    alert.matches(), alert.relevance(), allOutlets, first, latest, copies, spreading), alert);
        }
        List<Copy> allCopies = new ArrayList<>(copies);
        allCopies.add(copy(alert));
        return spread(new StoryView(storyId, title, url, outlet, List.copyOf(allTags), matches, relevance, allOutlets,
                first, latest, allCopies, spreading), alert);
    }

    /** Once spreading, always: a story does not stop having spread. */
    private StoryView spread(StoryView v, Alert latest) {
        if (v.spreading) {
            return v;
        }
        Map<String, Instant> firstByOutlet = new HashMap<>();
        firstByOutlet.put(v.outlet, v.firstSeen);
        v.copies.forEach(c -> firstByOutlet.merge(c.outlet(), c.alerted(), (a, b) -> a.isBefore(b) ? a : b));
        firstByOutlet.merge(latest.outlet(), latest.alerted(), (a, b) -> a.isBefore(b) ? a : b);
        firstByOutlet.remove(null);
        boolean spreads = Subscription.Growth.DEFAULT.spreads(firstByOutlet, v.firstSeen);
        return spreads ? new StoryView(v.storyId, v.title, v.url, v.outlet, v.tags, v.matches, v.relevance, v.outlets,
                v.firstSeen, v.latestSeen, v.copies, true) : v;
    }

    public int outletCount() {
        return outlets.size();
    }

    private static Copy copy(Alert a) {
        return new Copy(a.itemId(), a.outlet(), a.title(), a.url(), a.alerted(), a.similarity());
    }
}
