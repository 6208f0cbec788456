package dev.newsmon.app.ops;

import dev.newsmon.ingest.IngestService;
import dev.newsmon.ingest.group.FeedAssignment;
import dev.newsmon.ingest.status.FeedStatusTopic;
import dev.newsmon.common.subscription.LiveSubscriptions;
import dev.newsmon.processor.ProcessorService;
import dev.newsmon.processor.subscribe.SubscriberService;
import dev.newsmon.processor.subscribe.SubscriberStats;
import dev.newsmon.sink.channel.ChannelService;
import dev.newsmon.sink.SinkService;
import dev.newsmon.sink.http.ViewFeeder;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.KafkaStreams;

import java.util.function.ToDoubleFunction;

/**
 * The domain metrics the services already count, exposed as Prometheus counters without the services depending
 * on Micrometer. Names follow Prometheus conventions once rendered: snake_case, {@code _total} on counters.
 */
public final class ServiceMetrics {
    private ServiceMetrics() {
    }

    /**
     * The ingest service's meters; each feed's own (labelled feed_url) come with it through {@link FeedMeters}.
     *
     * @param statuses the reader its feeds are started or taken over from
     */
    public static void ingest(MeterRegistry registry, IngestService ingest, FeedStatusTopic statuses) {
        counter(registry, "newsmon.ingest.feeds.polled", "Feed polls by outcome (ok includes 304 Not Modified)",
                ingest, IngestService::feedsOk, "outcome", "ok");
        counter(registry, "newsmon.ingest.feeds.polled", "Feed polls by outcome (ok includes 304 Not Modified)",
                ingest, IngestService::feedsFailed, "outcome", "failed");
        counter(registry, "newsmon.ingest.feeds.not.modified", "Feed polls answered 304 Not Modified (part of ok)",
                ingest, IngestService::notModified);
        counter(registry, "newsmon.ingest.fetch.failures", "Feed fetches that failed (HTTP error, timeout, too large)",
                ingest, IngestService::fetchFailures);
        counter(registry, "newsmon.ingest.parse.failures", "Feeds fetched that could not be parsed",
                ingest, IngestService::parseFailures);
        counter(registry, "newsmon.ingest.feeds.recovered",
                "Feed bodies that were not well-formed XML, read by the lenient parser for their complete entries",
                ingest, IngestService::feedsRecovered);
        counter(registry, "newsmon.ingest.items.produced", "Items acknowledged by Kafka on news.items",
                ingest, IngestService::itemsProduced);
        counter(registry, "newsmon.ingest.seen.records.unreadable",
                "Records of news.ingest-seen that could not be read at start-up (their items may be produced again)",
                ingest, IngestService::seenRecordsUnreadable);
        counter(registry, "newsmon.ingest.seen.expired",
                "Items forgotten by the seen-set: neither listed by their feed nor produced for ingest.seen.retention",
                ingest, IngestService::seenItemsExpired);
        Gauge.builder("newsmon.ingest.seen.items", ingest, IngestService::seenItems)
                .description("Items in the seen-set (what ingest has produced and still remembers)")
                .register(registry);
        FunctionCounter.builder("newsmon.ingest.fetched", ingest, IngestService::bytesFetched)
                .baseUnit("bytes").description("Feed body bytes read (after decoding)").register(registry);
        Gauge.builder("newsmon.ingest.feeds", ingest, i -> i.feedStates().size())
                .description("Feeds this instance polls: those of its partitions of news.feeds in the ingest service")
                .register(registry);
        counter(registry, "newsmon.ingest.feed.status.records.unreadable",
                "Records of news.feed-status that could not be read when feeds were started or taken over (each feed"
                        + " starts afresh)",
                statuses, FeedStatusTopic::unreadableRecords);
    }

    /** The ingest instance's share of news.feeds. */
    public static void feedGroup(MeterRegistry registry, FeedAssignment assignment) {
        Gauge.builder("newsmon.ingest.feed.partitions", assignment, FeedAssignment::partitions)
                .description("Partitions of news.feeds assigned to this instance").register(registry);
        counter(registry, "newsmon.ingest.feed.records.invalid",
                "Records of news.feeds that could not be read (each leaves its feed out)",
                assignment, FeedAssignment::invalidRecords);
    }

    public static void processor(MeterRegistry registry, ProcessorService processor) {
        counter(registry, "newsmon.processor.stream.threads.replaced", "Stream threads that died and were replaced",
                processor, ProcessorService::replacedThreads);
        Gauge.builder("newsmon.processor.running", processor, p -> p.state() == KafkaStreams.State.RUNNING ? 1 : 0)
                .description("1 while Kafka Streams is RUNNING, else 0").register(registry);
        counter(registry, "newsmon.processor.rules.rejected",
                "Rule sets on news.rules that could not be parsed or built (the rules in force stay)",
                processor, ProcessorService::rulesRejected);
    }

    /** The dashboard's reader of news.alerts and news.feed-status. */
    public static void dashboard(MeterRegistry registry, ViewFeeder feeder) {
        counter(registry, "newsmon.sink.dashboard.records.unreadable",
                "Records of news.alerts or news.feed-status the dashboard could not read (each skipped)",
                feeder, ViewFeeder::unreadable);
    }

    public static void sink(MeterRegistry registry, SinkService sink) {
        counter(registry, "newsmon.sink.records.committed", "Records of news.alerts handled and committed",
                sink, SinkService::written, "sink", sink.sinkName());
        counter(registry, "newsmon.sink.dead.lettered", "Records of news.alerts that were not alerts, sent to news.dlq",
                sink, SinkService::deadLettered, "sink", sink.sinkName());
        counter(registry, "newsmon.sink.batches.failed", "Batches whose write failed and were retried after a backoff",
                sink, SinkService::failedBatches, "sink", sink.sinkName());
    }

    /** The subscriber app's and the channel service's meters. */
    public static void subscribers(MeterRegistry registry, SubscriberService service, ChannelService channels,
                                   LiveSubscriptions subscriptions) {
        SubscriberStats app = service.stats();
        counter(registry, "newsmon.subscribers.stream.threads.replaced", "Stream threads that died and were replaced",
                service, SubscriberService::replacedThreads);
        counter(registry, "newsmon.subscribers.routed", "Alerts copied to a subscription's topic, one per subscription",
                app, SubscriberStats::routed);
        counter(registry, "newsmon.subscribers.growth", "Growth alerts: stories that reached a subscription's outlets",
                app, SubscriberStats::growth);
        counter(registry, "newsmon.subscribers.alerts.unreadable",
                "Records of news.alerts the subscriber app could not read as alerts (skipped, logged)",
                app, SubscriberStats::unreadableAlerts);
        counter(registry, "newsmon.subscribers.subscriptions.unusable",
                "Subscriptions found invalid by the subscriber app (written past the CLI); they match nothing",
                app, SubscriberStats::unusableSubscriptions);
        counter(registry, "newsmon.subscribers.text.missing",
                "Alerts whose item text was no longer known: their query saw the title alone", app,
                SubscriberStats::textMissing);
        counter(registry, "newsmon.channels.messages", "Channel messages by outcome", channels,
                ChannelService::sent, "outcome", "sent");
        counter(registry, "newsmon.channels.messages", "Channel messages by outcome", channels,
                ChannelService::deadLettered, "outcome", "dead_lettered");
        counter(registry, "newsmon.channels.records.unreadable",
                "Records of the subscription topics or news.digests that were not a message (sent to news.dlq)",
                channels, ChannelService::unreadable);
        counter(registry, "newsmon.channels.subscriptions.unreadable",
                "Records of news.subscriptions that could not be read (the subscription is left out)",
                subscriptions, LiveSubscriptions::unreadable);
    }

    private static <T> void counter(MeterRegistry registry, String name, String help, T obj, ToDoubleFunction<T> f,
                                    String... tags) {
        FunctionCounter.builder(name, obj, f).description(help).tags(tags).register(registry);
    }
}
