package dev.newsmon.sink.http;

import dev.newsmon.common.model.Alert;
import dev.newsmon.common.model.TagMatch;
import dev.newsmon.common.model.TagRelevance;
import dev.newsmon.common.subscription.Subscription;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A story as the dashboard shows it: its first item, its copies, and the union of their tags. Immutable; a new
 * copy makes a new view.
 *
 * @param storyId     the story id
 * @param itemId      id of the first item
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
 * @param aliases     other ids of this story: given to it by a replay, or of stories joined into it
 *                    (docs/stories.md), sorted
 */
public record StoryView(String storyId, String itemId, String title, String url, String outlet, List<String> tags,
                        Map<String, List<TagMatch>> matches, Map<String, TagRelevance> relevance,
                        List<String> outlets, Instant firstSeen,
                        Instant latestSeen, List<Copy> copies, List<String> aliases, boolean spreading) {

    public record Copy(String itemId, String outlet, String title, String url, Instant alerted, Double similarity) {
    }

    public StoryView {
        tags = List.copyOf(tags);
        matches = Map.copyOf(matches);
        relevance = Map.copyOf(relevance);
        outlets = List.copyOf(outlets);
        copies = List.copyOf(copies);
        aliases = List.copyOf(new TreeSet<>(aliases));
    }

    public static StoryView of(Alert first) {
        List<Copy> copies = first.kind() == Alert.Kind.COPY ? List.of(copy(first)) : List.of();
        return new StoryView(first.storyId(), first.itemId(), first.title(), first.url(), first.outlet(), first.tags(),
                first.matches(), first.relevance(), List.of(first.outlet()), first.alerted(), first.alerted(), copies,
                List.of(), false);
    }

    /**
     * This story with one more item; the story's own story alert, arriving after a copy, takes over the headline
     * (a story alert filed under another id stays a copy here).
     */
    public StoryView with(Alert alert) {
        TreeSet<String> allTags = new TreeSet<>(tags);
        allTags.addAll(alert.tags());
        List<String> allOutlets = new ArrayList<>(outlets);
        allOutlets.add(alert.outlet());
        Instant first = alert.alerted().isBefore(firstSeen) ? alert.alerted() : firstSeen;
        Instant latest = alert.alerted().isAfter(latestSeen) ? alert.alerted() : latestSeen;
        List<Copy> allCopies = new ArrayList<>(copies);
        if (alert.kind() == Alert.Kind.STORY && alert.storyId().equals(storyId)) {
            // The item that showed the story until now stays, as a copy.
            allCopies.addAll(firstAsCopy());
            return spread(new StoryView(storyId, alert.itemId(), alert.title(), alert.url(), alert.outlet(),
                    List.copyOf(allTags), alert.matches(), alert.relevance(), allOutlets, first, latest, allCopies,
                    aliases, spreading), alert);
        }
        allCopies.add(copy(alert));
        return spread(new StoryView(storyId, itemId, title, url, outlet, List.copyOf(allTags), matches, relevance, allOutlets,
                first, latest, allCopies, aliases, spreading), alert);
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
        return spreads ? new StoryView(v.storyId, v.itemId, v.title, v.url, v.outlet, v.tags, v.matches, v.relevance,
                v.outlets, v.firstSeen, v.latestSeen, v.copies, v.aliases, true) : v;
    }

    /** This story with one more id. */
    public StoryView withAlias(String alias) {
        return new StoryView(storyId, itemId, title, url, outlet, tags, matches, relevance, outlets, firstSeen,
                latestSeen, copies, plus(aliases, List.of(alias)), spreading);
    }

    /** This story under id {@code to}, seen first no later than {@code seen}; its old id becomes an alias. */
    public StoryView renamed(String to, Instant seen) {
        return new StoryView(to, itemId, title, url, outlet, tags, matches, relevance, outlets,
                seen.isBefore(firstSeen) ? seen : firstSeen, latestSeen, copies, plus(aliases, List.of(storyId)), spreading);
    }

    /** This story joined with {@code other}, which it keeps the headline over: other's items become copies. */
    public StoryView absorb(StoryView other) {
        TreeSet<String> allTags = new TreeSet<>(tags);
        allTags.addAll(other.tags);
        List<String> allOutlets = new ArrayList<>(outlets);
        allOutlets.addAll(other.outlets);
        List<Copy> allCopies = new ArrayList<>(copies);
        allCopies.addAll(other.firstAsCopy());
        allCopies.addAll(other.copies);
        allCopies.sort(Comparator.comparing(Copy::alerted));
        List<String> otherIds = new ArrayList<>(other.aliases);
        otherIds.add(other.storyId);
        return new StoryView(storyId, itemId, title, url, outlet, List.copyOf(allTags), matches, relevance,
                allOutlets, firstSeen.isBefore(other.firstSeen) ? firstSeen : other.firstSeen,
                latestSeen.isAfter(other.latestSeen) ? latestSeen : other.latestSeen, allCopies,
                plus(aliases, otherIds), spreading || other.spreading);
    }

    /** The first item as a copy, unless it is one already (a story opened by a copy lists it among them). */
    private List<Copy> firstAsCopy() {
        return copies.stream().anyMatch(c -> c.itemId().equals(itemId)) ? List.of()
                : List.of(new Copy(itemId, outlet, title, url, firstSeen, null));
    }

    public int outletCount() {
        return outlets.size();
    }

    private static List<String> plus(List<String> ids, List<String> more) {
        List<String> all = new ArrayList<>(ids);
        all.addAll(more);
        return all;
    }

    private static Copy copy(Alert a) {
        return new Copy(a.itemId(), a.outlet(), a.title(), a.url(), a.alerted(), a.similarity());
    }
}
