package dev.newsmon.processor.subscribe;

import java.util.concurrent.atomic.LongAdder;

/** What the subscriber app counts since start, across its tasks: read by its metrics. */
public final class SubscriberStats {
    final LongAdder routed = new LongAdder();
    final LongAdder growth = new LongAdder();
    final LongAdder unreadableAlerts = new LongAdder();
    final LongAdder unusableSubscriptions = new LongAdder();
    final LongAdder textMissing = new LongAdder();

    /** Alerts copied to a subscription's topic (one per subscription matched). */
    public long routed() {
        return routed.sum();
    }

    /** Growth alerts emitted. */
    public long growth() {
        return growth.sum();
    }

    /** Alerts of news.alerts that did not read as alerts, skipped and logged with where they stand. */
    public long unreadableAlerts() {
        return unreadableAlerts.sum();
    }

    /** Times a subscription was found unusable (a bad query or field written past the CLI); it matches nothing. */
    public long unusableSubscriptions() {
        return unusableSubscriptions.sum();
    }

    /** Alerts whose item text was not known: they were queried on their title alone. */
    public long textMissing() {
        return textMissing.sum();
    }
}
