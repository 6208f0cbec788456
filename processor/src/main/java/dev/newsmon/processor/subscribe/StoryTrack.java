package dev.newsmon.processor.subscribe;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the subscriber app remembers of one story: when it was first alerted, each outlet that carried it with when
 * it first did, and the subscriptions already told that it spreads.
 *
 * @param title     the story alert's headline, else the first copy's
 * @param url       the link of that alert
 * @param firstSeen when its first alert was decided
 * @param outlets   outlet to when it first carried the story, in the order they came
 * @param spreading the subscriptions that got the story's growth alert
 * @param touched   the record time of its latest alert: the story is forgotten a while after it (stream time)
 */
record StoryTrack(String title, String url, Instant firstSeen, Map<String, Instant> outlets, Set<String> spreading,
                  long touched) {
    StoryTrack {
        outlets = new LinkedHashMap<>(outlets);
        spreading = new TreeSet<>(spreading);
    }

    static StoryTrack first(String title, String url, Instant alerted) {
        return new StoryTrack(title, url, alerted, Map.of(), Set.of(), 0);
    }

    /**
     * This story with one more alert, of record time {@code recorded}: a new outlet is counted, and the story alert
     * names the story.
     */
    StoryTrack with(String outlet, boolean story, String alertTitle, String alertUrl, Instant alerted,
                    long recorded) {
        Map<String, Instant> all = new LinkedHashMap<>(outlets);
        if (outlet != null) {
            all.putIfAbsent(outlet, alerted);
        }
        Instant first = alerted.isBefore(firstSeen) ? alerted : firstSeen;
        long latest = Math.max(touched, recorded);
        return story ? new StoryTrack(alertTitle, alertUrl, first, all, spreading, latest)
                : new StoryTrack(title, url, first, all, spreading, latest);
    }

    StoryTrack toldSpreading(String subscription) {
        Set<String> told = new TreeSet<>(spreading);
        told.add(subscription);
        return new StoryTrack(title, url, firstSeen, outlets, told, touched);
    }

    /** Outlets that count for a subscription: all but its muted ones. */
    long outletsCounted(Collection<String> muted) {
        return outlets.keySet().stream().filter(o -> !muted.contains(o)).count();
    }

}
