package dev.newsmon.common;

import org.apache.kafka.common.config.TopicConfig;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Every topic newsmon reads or writes, named in one place. */
public final class Topics {
    /** One message per feed item; key = stable item id. */
    public static final String ITEMS = "news.items";
    /** Alert events; key = story id. Written transactionally by the processor. */
    public static final String ALERTS = "news.alerts";
    /**
     * Story clusters: the latest {@code StoryCluster} of each story; key = story id. Compacted, so a reader that
     * starts late still gets the current state of every story. Created and written by the processor.
     */
    public static final String STORIES = "news.stories";
    /** Records that could not be deserialized or processed, with headers naming the cause. */
    public static final String DLQ = "news.dlq";
    /** Alerts the webhook sink could not deliver after its last attempt, with headers naming the last failure. */
    public static final String DLQ_WEBHOOK = "news.dlq.webhook";

    /** Latest health of each feed (compacted); key = feed URL as listed, value = FeedStatus JSON. */
    public static final String FEED_STATUS = "news.feed-status";
    /**
     * What ingest has produced of each item; key = item id, value = content hash, revision and when last seen.
     * Compacted, and records older than ingest.seen.retention are deleted: ingest writes an item still listed
     * again before that.
     */
    public static final String INGEST_SEEN = "news.ingest-seen";
    /**
     * The feed list of the ingest service (compacted); key = feed URL, value = the feed's definition as JSON, a
     * tombstone removes the feed. Ingest instances share its partitions in one consumer group: each polls the feeds
     * of its partitions.
     */
    public static final String FEEDS = "news.feeds";
    /** Output of {@code newsmon bench}'s pass-through topology: news.items copied unchanged. Bench runs only. */
    public static final String BENCH_PASSTHROUGH = "newsmon.bench.passthrough";
    /**
     * The live tagging rules: compacted, one partition, one record (key "rules", value the rules file and its
     * version as JSON). The processor and {@code newsmon rules push} create it.
     */
    public static final String RULES = "news.rules";

    /**
     * The subscriptions (compacted); key = subscription name, value = its {@code Subscription} as JSON, a tombstone
     * removes it. {@code newsmon subscriptions} writes it; the subscriber app reads it as a global table and the
     * channels follow it live.
     */
    public static final String SUBSCRIPTIONS = "news.subscriptions";
    /** What comes before a subscription's name in the name of its alert topic, see {@link #subscriptionAlerts}. */
    public static final String SUBSCRIPTION_ALERTS_PREFIX = ALERTS + ".";
    /**
     * The subscriber app's digests, one record per subscription and window, written when the window closes;
     * key = the digest id ({@code <subscription>@<window start>}), value = {@code Digest} JSON.
     */
    public static final String DIGESTS = "news.digests";
    /**
     * What the channels delivered (compacted, and deleted after its retention); key = message id, value = when.
     * A channel service reads it at start so that a message handed to a channel is never handed again.
     */
    public static final String DELIVERIES = "news.deliveries";
    /** Channel messages that could not be delivered after their last attempt, with headers naming the failure. */
    public static final String DLQ_CHANNELS = "news.dlq.channels";

    /** The topics created at start-up, in the order a reader meets them. */
    public static final List<String> ALL = List.of(ITEMS, ALERTS, DLQ, DLQ_WEBHOOK, FEED_STATUS, INGEST_SEEN,
            FEEDS, SUBSCRIPTIONS, DIGESTS, DELIVERIES, DLQ_CHANNELS);

    /** The config of a topic that holds the latest value per key. */
    public static final Map<String, String> COMPACTED = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
            TopicConfig.CLEANUP_POLICY_COMPACT);

    /** The configs of those of {@link #ALL} that are not created with the broker's defaults, by name. */
    public static Map<String, Map<String, String>> configs(Duration seenRetention) {
        return Map.of(FEED_STATUS, COMPACTED, FEEDS, COMPACTED, SUBSCRIPTIONS, COMPACTED,
                INGEST_SEEN, compactedFor(seenRetention), DELIVERIES, compactedFor(DELIVERIES_RETENTION));
    }

    /** How long a delivery is remembered: longer than any digest window and any redelivery after an outage. */
    public static final Duration DELIVERIES_RETENTION = Duration.ofDays(30);

    /** The alert topic of one subscription: {@code news.alerts.<name>}. */
    public static String subscriptionAlerts(String subscription) {
        return SUBSCRIPTION_ALERTS_PREFIX + subscription;
    }

    /** The config of a subscription's alert topic: its data is deleted after {@code retention}. */
    public static Map<String, String> subscriptionAlertsConfig(Duration retention) {
        return Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()));
    }

    /** Compacted, and a key not written again within {@code retention} is deleted. */
    private static Map<String, String> compactedFor(Duration retention) {
        return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()));
    }

    private Topics() {
    }
}
