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
    /** Output of {@code newsmon bench}'s pass-through topology: news.items copied unchanged. Bench runs only. */
    public static final String BENCH_PASSTHROUGH = "newsmon.bench.passthrough";

    /** The topics created at start-up, in the order a reader meets them. */
    public static final List<String> ALL = List.of(ITEMS, ALERTS, DLQ);

    private Topics() {
    }
}
