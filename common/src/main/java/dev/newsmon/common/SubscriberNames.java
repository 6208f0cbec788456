package dev.newsmon.common;

/**
 * Names of the subscriber app's state stores and internal topics. They are part of the deployed state (changelog
 * and repartition topics are named after them, behind {@code subscribers.application.id}), so renaming one orphans
 * its data: change them only with a new application id.
 */
public final class SubscriberNames {
    /** The global table of {@link Topics#SUBSCRIPTIONS}: subscription name to subscription. */
    public static final String SUBSCRIPTIONS_STORE = "subscriptions";
    /** Story id to the outlets that carried it and when, and the subscriptions told that it spreads. */
    public static final String STORY_STORE = "subscriber-stories";
    /** Subscription name to the stories of its open hourly digest window. */
    public static final String HOURLY_DIGEST_STORE = "subscriber-digest-hourly";
    /** Subscription name to the stories of its open daily digest window. */
    public static final String DAILY_DIGEST_STORE = "subscriber-digest-daily";

    /** Repartition of digest entries by subscription, one prefix per schedule. */
    public static final String HOURLY_DIGEST_GROUP = "subscriber-digest-hourly";
    public static final String DAILY_DIGEST_GROUP = "subscriber-digest-daily";

    private SubscriberNames() {
    }
}
