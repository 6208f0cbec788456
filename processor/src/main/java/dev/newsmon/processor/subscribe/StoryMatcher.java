package dev.newsmon.processor.subscribe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsmon.common.SubscriberNames;
import dev.newsmon.common.json.Json;
import dev.newsmon.common.model.Alert;
import dev.newsmon.common.subscription.GrowthAlert;
import dev.newsmon.common.subscription.Subscription;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends each alert (keyed by story id) to every subscription it matches, and each story that spreads to every
 * subscription it matches once. The story's outlets are counted here, one task per story: an alert passes a
 * subscription's {@code min_outlets} once the story has that many outlets (muted ones not counted), and a muted
 * outlet's alert passes no subscription that mutes it. A story is forgotten {@code subscribers.story.window} after
 * its latest alert, in record time (stream time), which the times written in the alerts need not follow (a replay).
 */
final class StoryMatcher implements Processor<String, ObjectNode, String, Routed> {
    private static final Logger LOG = LoggerFactory.getLogger(StoryMatcher.class);
    private static final Duration EXPIRY_EVERY = Duration.ofMinutes(10);

    private final Duration storyWindow;
    private final SubscriberStats stats;
    private final SubscriptionMatch match;
    private ProcessorContext<String, Routed> context;
    private KeyValueStore<String, StoryTrack> stories;
    private TimestampedKeyValueStore<String, Subscription> subscriptions;

    private StoryMatcher(Duration storyWindow, SubscriberStats stats) {
        this.storyWindow = storyWindow;
        this.stats = stats;
        this.match = new SubscriptionMatch(stats.unusableSubscriptions);
    }

    static ProcessorSupplier<String, ObjectNode, String, Routed> supplier(
            Duration storyWindow, SubscriberStats stats, StoreBuilder<KeyValueStore<String, StoryTrack>> store) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, ObjectNode, String, Routed> get() {
                return new StoryMatcher(storyWindow, stats);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(store);
            }
        };
    }

    @Override
    public void init(ProcessorContext<String, Routed> context) {
        this.context = context;
        this.stories = context.getStateStore(SubscriberNames.STORY_STORE);
        this.subscriptions = context.getStateStore(SubscriberNames.SUBSCRIPTIONS_STORE);
        context.schedule(EXPIRY_EVERY, PunctuationType.STREAM_TIME, this::forgetOldStories);
    }

    @Override
    public void process(Record<String, ObjectNode> record) {
        ObjectNode json = record.value();
        Alert alert;
        try {
            alert = Json.mapper().treeToValue(json, Alert.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            stats.unreadableAlerts.increment();
            LOG.warn("not an alert, skipped: story_id={} topic={} partition={} offset={}: {}", record.key(),
                    context.recordMetadata().map(m -> m.topic()).orElse("?"),
                    context.recordMetadata().map(m -> m.partition()).orElse(-1),
                    context.recordMetadata().map(m -> m.offset()).orElse(-1L), e.getMessage());
            return;
        }
        if (alert.text() == null) {
            stats.textMissing.increment();
            LOG.debug("alert without text item_id={}: matched on its title alone", alert.itemId());
        }
        JsonNode stated = json.get("language");
        String language = stated != null && stated.isTextual() ? stated.asText() : null;
        StoryTrack known = stories.get(alert.storyId());
        StoryTrack track = (known != null ? known : StoryTrack.first(alert.title(), alert.url(), alert.alerted()))
                .with(alert.outlet(), alert.kind() == Alert.Kind.STORY, alert.title(), alert.url(), alert.alerted(),
                        record.timestamp());
        try (KeyValueIterator<String, ValueAndTimestamp<Subscription>> all = subscriptions.all()) {
            while (all.hasNext()) {
                Subscription s = all.next().value.value();
                if (s != null && match.matches(s, alert, language, alert.text())) {
                    track = deliver(record, s, alert, json, track);
                }
            }
        }
        stories.put(alert.storyId(), track);
    }

    /** Sends the alert to one subscription it matches, and the story's growth alert once; returns the track. */
    private StoryTrack deliver(Record<String, ObjectNode> record, Subscription s, Alert alert, ObjectNode json,
                               StoryTrack track) {
        List<String> muted = s.filter().mutedOutlets();
        if (muted.contains(alert.outlet())) {
            return track;
        }
        if (track.outletsCounted(muted) >= s.filter().minOutlets()) {
            stats.routed.increment();
            forward(record, new Routed(s.name(), alert.kind().wireName(), alert.itemId(), alert.alerted(), json,
                    s.digest()));
        }
        Subscription.Growth g = s.growth();
        if (!g.enabled() || track.spreading().contains(s.name())) {
            return track;
        }
        Map<String, Instant> within = g.outletsWithin(track.outlets(), track.firstSeen(), muted);
        if (within.size() < g.outlets()) {
            return track;
        }
        List<GrowthAlert.OutletSeen> outlets = new ArrayList<>();
        within.forEach((o, t) -> outlets.add(new GrowthAlert.OutletSeen(o, t)));
        outlets.sort(Comparator.comparing(GrowthAlert.OutletSeen::firstSeen));
        GrowthAlert growth = new GrowthAlert(GrowthAlert.SCHEMA_VERSION, GrowthAlert.KIND, s.name(), alert.storyId(),
                track.title(), track.url(), outlets, track.firstSeen(), alert.alerted(), g.outlets(), g.within());
        stats.growth.increment();
        forward(record, new Routed(s.name(), Routed.GROWTH, Routed.GROWTH + "-" + alert.storyId(), alert.alerted(),
                Json.mapper().valueToTree(growth), s.digest()));
        return track.toldSpreading(s.name());
    }

    /** Each record its own headers: the ones passed on are changed per subscription downstream. */
    private void forward(Record<String, ObjectNode> record, Routed routed) {
        context.forward(new Record<>(record.key(), routed, record.timestamp(),
                new RecordHeaders(record.headers().toArray())));
    }

    private void forgetOldStories(long streamTime) {
        long cutoff = streamTime - storyWindow.toMillis();
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, StoryTrack> all = stories.all()) {
            while (all.hasNext()) {
                KeyValue<String, StoryTrack> e = all.next();
                if (e.value.touched() < cutoff) {
                    old.add(e.key);
                }
            }
        }
        old.forEach(stories::delete);
    }
}
