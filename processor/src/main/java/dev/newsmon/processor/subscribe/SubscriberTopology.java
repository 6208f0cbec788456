package dev.newsmon.processor.subscribe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsmon.common.SubscriberNames;
import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.subscription.Digest;
import dev.newsmon.common.subscription.DigestSchedule;
import dev.newsmon.common.subscription.Subscription;
import dev.newsmon.common.subscription.SubscriptionsTopic;
import dev.newsmon.processor.NewsTopology;
import dev.newsmon.processor.StateStores;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

import java.time.Duration;
import java.util.Properties;

/**
 * The subscriber app: every alert of news.alerts goes to the topic {@code news.alerts.<name>} of each subscription
 * it matches (exactly once, with CloudEvents headers), a story that spreads gets one growth alert there per
 * subscription, and the subscriptions that ask for one get a digest on news.digests when each window closes.
 * The subscriptions are a global table of news.subscriptions: a change applies to the next alert, on every
 * instance. Processor names are fixed so that a later change keeps its state and topic names.
 */
public final class SubscriberTopology {
    private static final Serde<String> KEYS = Serdes.String();
    private static final Serde<ObjectNode> ALERT_JSON = JsonSerde.of(ObjectNode.class);

    private SubscriberTopology() {
    }

    /** Builds the topology; pure, it starts nothing. */
    public static Topology buildTopology(NewsmonConfig config, SubscriberStats stats) {
        StateStores stores = StateStores.from(config);

        StreamsBuilder builder = new StreamsBuilder();
        builder.globalTable(Topics.SUBSCRIPTIONS, Consumed.with(KEYS, SubscriptionsTopic.SERDE)
                        .withName("subscriptions"),
                Materialized.<String, Subscription, KeyValueStore<Bytes, byte[]>>as(SubscriberNames.SUBSCRIPTIONS_STORE)
                        .withKeySerde(KEYS).withValueSerde(SubscriptionsTopic.SERDE));
        // news.alerts is keyed by story id, so each story's outlets are counted on one task without a repartition;
        // an alert carries its item's text, so no item of news.items needs keeping here.
        KStream<String, Routed> routed = builder
                .stream(Topics.ALERTS, Consumed.with(KEYS, ALERT_JSON).withName("alerts"))
                .filter((k, a) -> a != null && a.path("item_id").isTextual() && a.path("story_id").isTextual(),
                        Named.as("drop-non-alerts"))
                .process(StoryMatcher.supplier(config.get(Settings.SUBSCRIBERS_STORY_WINDOW), stats,
                                stores.keyValue(SubscriberNames.STORY_STORE, JsonSerde.of(StoryTrack.class))),
                        Named.as("match"));

        String source = "/newsmon/subscribers/" + config.get(Settings.SUBSCRIBERS_APP_ID);
        routed.processValues(() -> new RoutedHeaders(source), Named.as("cloudevents-headers"))
                .to((key, r, context) -> Topics.subscriptionAlerts(r.subscription()),
                        Produced.with(KEYS, new RoutedBody()).withName("subscription-topics"));

        KStream<String, DigestItem> digestItems = routed
                .filter((k, r) -> !r.isGrowth() && r.digest() != DigestSchedule.NONE, Named.as("digest-alerts"))
                .map((k, r) -> KeyValue.pair(r.subscription(), DigestItem.of(r)), Named.as("by-subscription"));
        Duration grace = config.get(Settings.SUBSCRIBERS_DIGEST_GRACE);
        digests(digestItems, DigestSchedule.HOURLY, SubscriberNames.HOURLY_DIGEST_GROUP,
                SubscriberNames.HOURLY_DIGEST_STORE, grace);
        digests(digestItems, DigestSchedule.DAILY, SubscriberNames.DAILY_DIGEST_GROUP,
                SubscriberNames.DAILY_DIGEST_STORE, grace);
        return builder.build();
    }

    /**
     * One digest per subscription and window of the schedule, written to news.digests once the window has closed
     * (its end plus the grace, in stream time) and never before: the suppression buffer and the window store are
     * changelogged, so a restart resumes the open windows and a closed one is written once.
     */
    private static void digests(KStream<String, DigestItem> items, DigestSchedule schedule, String group,
                                String store, Duration grace) {
        items.filter((name, item) -> item.schedule() == schedule, Named.as(group + "-only"))
                .groupByKey(Grouped.with(group, KEYS, JsonSerde.of(DigestItem.class)))
                .windowedBy(TimeWindows.ofSizeAndGrace(schedule.window(), grace))
                .aggregate(DigestStories::empty, (name, item, stories) -> stories.with(item),
                        Named.as(group + "-aggregate"),
                        Materialized.<String, DigestStories, WindowStore<Bytes, byte[]>>as(store)
                                .withKeySerde(KEYS).withValueSerde(JsonSerde.of(DigestStories.class)))
                .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded())
                        .withName(group + "-until-closed"))
                .toStream(Named.as(group + "-closed"))
                .map((window, stories) -> {
                    Digest d = stories.digest(window.key(), new DigestItem.Window(schedule,
                            window.window().startTime(), window.window().endTime()));
                    return KeyValue.pair(d.id(), d);
                }, Named.as(group + "-digest"))
                .to(Topics.DIGESTS, Produced.with(KEYS, JsonSerde.of(Digest.class)).withName(group + "-digests"));
    }

    /** The Kafka Streams configuration: the processor's (exactly-once, state under data.dir) with its own app id. */
    public static Properties streamsProperties(NewsmonConfig config) {
        return NewsTopology.streamsProperties(config, config.get(Settings.SUBSCRIBERS_APP_ID));
    }
}
