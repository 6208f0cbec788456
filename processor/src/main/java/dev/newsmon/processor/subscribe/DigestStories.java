package dev.newsmon.processor.subscribe;

import dev.newsmon.common.subscription.Digest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The stories of one subscription's open digest window, by story id: the windowed aggregate. */
record DigestStories(Map<String, Digest.Entry> stories) {
    DigestStories {
        stories = new LinkedHashMap<>(stories);
    }

    static DigestStories empty() {
        return new DigestStories(Map.of());
    }

    /** One more alert: a new story, or one more outlet and a later time for a known one. */
    DigestStories with(DigestItem item) {
        Map<String, Digest.Entry> all = new LinkedHashMap<>(stories);
        Digest.Entry old = all.get(item.storyId());
        if (old == null) {
            all.put(item.storyId(), new Digest.Entry(item.storyId(), item.title(), item.url(),
                    item.outlet() == null ? List.of() : List.of(item.outlet()), item.alerted(), item.alerted()));
            return new DigestStories(all);
        }
        List<String> outlets = new ArrayList<>(old.outlets());
        if (item.outlet() != null && !outlets.contains(item.outlet())) {
            outlets.add(item.outlet());
        }
        // The story's own alert names it, whenever it comes.
        String headline = item.story() ? item.title() : old.headline();
        String url = item.story() ? item.url() : old.url();
        Instant first = item.alerted().isBefore(old.firstSeen()) ? item.alerted() : old.firstSeen();
        Instant latest = item.alerted().isAfter(old.latestSeen()) ? item.alerted() : old.latestSeen();
        all.put(item.storyId(), new Digest.Entry(item.storyId(), headline, url, outlets, first, latest));
        return new DigestStories(all);
    }

    /** The digest of this closed window. */
    Digest digest(String subscription, DigestItem.Window window) {
        List<Digest.Entry> entries = new ArrayList<>(stories.values());
        entries.sort(Comparator.comparing(Digest.Entry::firstSeen));
        return new Digest(Digest.SCHEMA_VERSION, Digest.id(subscription, window.start()), subscription,
                window.schedule(), window.start(), window.end(), entries);
    }
}
