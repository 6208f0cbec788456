package dev.newsmon.processor.subscribe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** What the subscriber app counts across its tasks, as meters of the registry it is given. */
public final class SubscriberStats {
    final Counter routed;
    final Counter growth;
    final Counter unreadableAlerts;
    final Counter unusableSubscriptions;
    final Counter textMissing;

    public SubscriberStats(MeterRegistry registry) {
        routed = Counter.builder("newsmon.subscribers.routed")
                .description("Alerts copied to a subscription's topic, one per subscription").register(registry);
        growth = Counter.builder("newsmon.subscribers.growth")
                .description("Growth alerts: stories that reached a subscription's outlets").register(registry);
        unreadableAlerts = Counter.builder("newsmon.subscribers.alerts.unreadable")
                .description("Records of news.alerts the subscriber app could not read as alerts (skipped, logged)")
                .register(registry);
        unusableSubscriptions = Counter.builder("newsmon.subscribers.subscriptions.unusable")
                .description("Subscriptions found invalid by the subscriber app (written past the CLI); they match"
                        + " nothing").register(registry);
        textMissing = Counter.builder("newsmon.subscribers.text.missing")
                .description("Alerts without their item's text (written before alerts carried it): their query saw the title")
                .register(registry);
    }
}
