package dev.newsmon.common.subscription;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One digest on {@code news.digests}: the stories that matched a subscription in one closed window, one entry per
 * story. The id is the same however often the window is computed, so a channel can tell a digest it already sent.
 *
 * @param schemaVersion version of this message's shape
 * @param id            {@link #id(String, Instant)} of the subscription and window start
 * @param subscription  the subscription
 * @param schedule      hourly or daily
 * @param windowStart   start of the window, inclusive
 * @param windowEnd     end of the window, exclusive
 * @param stories       the window's stories, first seen first
 */
public record Digest(int schemaVersion, String id, String subscription, DigestSchedule schedule, Instant windowStart,
                     Instant windowEnd, List<Entry> stories) {
    public static final int SCHEMA_VERSION = 1;

    public Digest {
        Objects.requireNonNull(id, "id");
        stories = List.copyOf(stories);
    }

    public static String id(String subscription, Instant windowStart) {
        return subscription + "@" + windowStart;
    }

    /**
     * One story of a digest.
     *
     * @param headline   the story alert's title, else the first copy's
     * @param outlets    outlets that carried it in the window, in the order they came
     * @param firstSeen  its first alert in the window
     * @param latestSeen its latest alert in the window
     */
    public record Entry(String storyId, String headline, String url, List<String> outlets, Instant firstSeen,
                        Instant latestSeen) {
        public Entry {
            outlets = List.copyOf(outlets);
        }
    }
}
