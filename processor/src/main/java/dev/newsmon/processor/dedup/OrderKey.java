package dev.newsmon.processor.dedup;

import dev.newsmon.common.model.FeedItem;

import java.util.Comparator;
import java.util.Objects;

/**
 * The total order that breaks races between two copies: earlier event time first, then item id. Every task
 * computes it from the item alone, so every task agrees on it.
 */
public record OrderKey(long eventMillis, String itemId) implements Comparable<OrderKey> {
    private static final Comparator<OrderKey> ORDER =
            Comparator.comparingLong(OrderKey::eventMillis).thenComparing(OrderKey::itemId);

    public OrderKey {
        Objects.requireNonNull(itemId, "itemId");
    }

    public static OrderKey of(FeedItem item) {
        return new OrderKey(item.eventTime().toEpochMilli(), item.itemId());
    }

    @Override
    public int compareTo(OrderKey o) {
        return ORDER.compare(this, o);
    }
}
