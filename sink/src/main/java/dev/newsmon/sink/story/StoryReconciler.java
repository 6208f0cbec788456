package dev.newsmon.sink.story;

import dev.newsmon.common.model.Alert;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * Files alerts into a {@link StoryStore} by item id, so that a story keeps one id however often its items are
 * alerted again: a replay from scratch may open a story with another of its items and so name it differently
 * (docs/stories.md). The rules:
 * <ul>
 *     <li>an item is stored once, in the story it was first filed in;</li>
 *     <li>a story id the store does not know, on an alert about an item it holds (or a copy of one), becomes an
 *     alias of that item's story, unless its alert is older than the story: then the story takes that id;</li>
 *     <li>an alert that names one stored story and is about an item of another joins the two, under the id
 *     first alerted (the older story, then the smaller id).</li>
 * </ul>
 * So every story ends under the id of its earliest alert the store has seen, whatever order the alerts come in.
 */
public final class StoryReconciler {
    private StoryReconciler() {
    }

    public static <E extends Exception> void file(Alert alert, StoryStore<E> store) throws E {
        Optional<String> stored = store.storyOfItem(alert.itemId());
        Optional<String> named = store.storyNamed(alert.storyId());
        Optional<String> home = stored.isPresent() ? stored : named.isPresent() ? named : storyOfOriginal(alert, store);
        if (home.isEmpty()) {
            store.add(alert, alert.storyId());
            return;
        }
        String story;
        if (named.isEmpty()) {
            story = claim(alert, home.get(), store);
        } else if (!named.get().equals(home.get())) {
            story = join(named.get(), home.get(), store);
        } else {
            story = home.get();
        }
        if (stored.isEmpty()) {
            store.add(alert, story);
        }
    }

    /** A copy whose story id the store does not know belongs with the item it copies, when that is stored. */
    private static <E extends Exception> Optional<String> storyOfOriginal(Alert alert, StoryStore<E> store) throws E {
        return alert.copyOf() == null ? Optional.empty() : store.storyOfItem(alert.copyOf());
    }

    /** The unknown id of the alert names {@code story} from now on; returns the story's id after that. */
    private static <E extends Exception> String claim(Alert alert, String story, StoryStore<E> store) throws E {
        if (alert.alerted() != null && alert.alerted().isBefore(store.firstSeen(story))) {
            store.rename(story, alert.storyId(), alert.alerted());
            return alert.storyId();
        }
        store.alias(alert.storyId(), story);
        return story;
    }

    /** Joins two stored stories under the older; returns its id. */
    private static <E extends Exception> String join(String a, String b, StoryStore<E> store) throws E {
        Comparator<Sighting> order = Comparator.comparing(Sighting::firstSeen).thenComparing(Sighting::storyId);
        Sighting first = new Sighting(a, store.firstSeen(a));
        Sighting second = new Sighting(b, store.firstSeen(b));
        Sighting older = order.compare(first, second) <= 0 ? first : second;
        Sighting younger = older == first ? second : first;
        store.fold(younger.storyId(), older.storyId());
        return older.storyId();
    }

    private record Sighting(String storyId, Instant firstSeen) {
    }
}
