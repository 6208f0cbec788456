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

    /** The topics created at start-up, in the order a reader meets them. */
    public static final List<String> ALL = List.of(ITEMS, ALERTS, DLQ, DLQ_WEBHOOK, FEED_STATUS, INGEST_SEEN,
            FEEDS);

    /** The config of a topic that holds the latest value per key. */
    public static final Map<String, String> COMPACTED = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
            TopicConfig.CLEANUP_POLICY_COMPACT);

    /** The configs of those of {@link #ALL} that are not created with the broker's defaults, by name. */
    public static Map<String, Map<String, String>> configs(Duration seenRetention) {
        return Map.of(FEED_STATUS, COMPACTED, FEEDS, COMPACTED, INGEST_SEEN, Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(seenRetention.toMillis())));
    }

    private Topics() {
    }
}
