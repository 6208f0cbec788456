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
    /**
     * The live tagging rules: compacted, one partition, one record (key "rules", value the rules file and its
     * version as JSON). The processor and {@code newsmon rules push} create it.
     */
    public static final String RULES = "news.rules";

    /** The topics created at start-up, in the order a reader meets them. */
    public static final List<String> ALL = List.of(ITEMS, ALERTS, DLQ);

    private Topics() {
    }
}
