package dev.newsmon.common;

import java.util.List;

/** Every topic newsmon reads or writes, named in one place. */
public final class Topics {
    /** One message per feed item; key = stable item id. */
    public static final String ITEMS = "news.items";
    /** Alert events; key = story id. Written transactionally by the processor. */
    public static final String ALERTS = "news.alerts";
    /** Records that could not be deserialized or processed, with headers naming the cause. */
    public static final String DLQ = "news.dlq";
    /** Alerts the webhook sink could not deliver after its last attempt, with headers naming the last failure. */
    public static final String DLQ_WEBHOOK = "news.dlq.webhook";
    /** Feed health: one JSON status record per feed, key = feed URL (written by ingest). */
    public static final String FEED_STATUS = "news.feed-status";

    /** The topics created at start-up, in the order a reader meets them. */
    public static final List<String> ALL = List.of(ITEMS, ALERTS, DLQ, DLQ_WEBHOOK);

    private Topics() {
    }
}
