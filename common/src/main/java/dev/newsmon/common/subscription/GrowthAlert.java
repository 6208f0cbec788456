package dev.newsmon.common.subscription;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A story that spreads, on a subscription's alert topic beside its alerts: it reached the subscription's
 * {@code growth.outlets} outlets within {@code growth.within} of its first item. One per story and subscription.
 *
 * @param schemaVersion version of this message's shape
 * @param kind          always {@code growth}, which tells it from an alert on the same topic
 * @param subscription  the subscription it was found for
 * @param storyId       the story
 * @param title         headline of the alert that reached the threshold (the story's own when it came first)
 * @param url           link of that alert
 * @param outlets       each outlet that counts, with when it first carried the story, earliest first
 * @param firstSeen     when the story's first item was alerted
 * @param reached       when the alert that reached the threshold was alerted
 * @param threshold     the subscription's growth.outlets
 * @param within        the subscription's growth.within
 */
public record GrowthAlert(int schemaVersion, String kind, String subscription, String storyId, String title,
                          String url, List<OutletSeen> outlets, Instant firstSeen, Instant reached, int threshold,
                          String within) {
    public static final int SCHEMA_VERSION = 1;
    public static final String KIND = "growth";

    public GrowthAlert {
        Objects.requireNonNull(storyId, "storyId");
        outlets = List.copyOf(outlets);
    }

    /** One outlet of a spreading story and when it first carried it. */
    public record OutletSeen(String outlet, Instant firstSeen) {
    }
}
