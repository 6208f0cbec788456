package dev.newsmon.ingest.group;

import dev.newsmon.common.Topics;
import dev.newsmon.ingest.feedlist.FeedSource;
import dev.newsmon.ingest.feedlist.FeedsTopic;
import dev.newsmon.ingest.status.PublishedStatuses;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the partitions of {@link Topics#FEEDS} that Kafka assigns this instance into the feeds it polls.
 *
 * <p>A partition newly assigned is read from its beginning: the topic is compacted, so that is the partition's whole
 * list, and no offset is ever committed. Its feeds go to the poller only once the partition is read up to the end
 * offset found after the assignment, so a feed added and removed earlier in the log is never polled. Its feeds
 * then resume from the status their previous poller published ({@link PublishedStatuses}): a handover or a restart
 * keeps each feed's moved URL, validators, backoff and schedule. From then on
 * each record applies as it arrives: a definition adds or updates its feed, a tombstone removes it. A partition
 * revoked or lost takes its feeds away, so no feed is polled by two instances once the group is stable.
 *
 * <p>Called on the group consumer's thread only (the listener runs inside its poll); its state may be read from any
 * thread.
 */
public final class FeedAssignment implements ConsumerRebalanceListener {
    private static final Logger LOG = LoggerFactory.getLogger(FeedAssignment.class);

    private final Consumer<String, byte[]> consumer;
    private final FeedPoller poller;
    private final PublishedStatuses statuses;
    private final Map<TopicPartition, Map<String, FeedSource>> feeds = new HashMap<>();
    /** Assigned partitions not yet read up to their end; their feeds are not polled yet. */
    private final Set<TopicPartition> loading = new HashSet<>();
    /** The end offset each loading partition must reach, once asked (asked outside the listener, so it can retry). */
    private final Map<TopicPartition, Long> ends = new HashMap<>();
    private final Counter invalidRecords;
    private volatile int partitions;
    private boolean assigned;
    private volatile boolean loaded;

    /** @param registry where the instance's share of news.feeds and the records it could not read are metered */
    public FeedAssignment(Consumer<String, byte[]> consumer, FeedPoller poller, PublishedStatuses statuses,
                          MeterRegistry registry) {
        this.consumer = consumer;
        this.poller = poller;
        this.statuses = statuses;
        this.invalidRecords = Counter.builder("newsmon.ingest.feed.records.invalid")
                .description("Records of news.feeds that could not be read (each leaves its feed out)")
                .register(registry);
        Gauge.builder("newsmon.ingest.feed.partitions", this, FeedAssignment::partitions)
                .description("Partitions of news.feeds assigned to this instance").register(registry);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> added) {
        for (TopicPartition p : added) {
            feeds.put(p, new HashMap<>());
            loading.add(p);
        }
        consumer.seekToBeginning(added);
        assigned = true;
        partitions = feeds.size();
        LOG.info("feed partitions assigned topic={} partitions={} now={}", Topics.FEEDS, numbers(added),
                numbers(feeds.keySet()));
    }

    /** Revoked (another instance takes them) and lost (this one was dropped from the group) alike. */
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
        int removed = 0;
        for (TopicPartition p : revoked) {
            Map<String, FeedSource> of = feeds.remove(p);
            ends.remove(p);
            if (!loading.remove(p) && of != null) {
                of.keySet().forEach(poller::removeFeed);
                removed += of.size();
            }
        }
        partitions = feeds.size();
        LOG.info("feed partitions revoked topic={} partitions={} feeds_removed={}", Topics.FEEDS, numbers(revoked),
                removed);
    }

    /** Takes one poll's records, then hands over the feeds of each partition that has been read up to its end. */
    public void accept(ConsumerRecords<String, byte[]> records) {
        for (ConsumerRecord<String, byte[]> r : records) {
            apply(r);
        }
        finishLoading();
    }

    private void apply(ConsumerRecord<String, byte[]> r) {
        TopicPartition p = new TopicPartition(r.topic(), r.partition());
        Map<String, FeedSource> of = feeds.get(p);
        if (of == null) {
            return;
        }
        FeedSource before = r.key() == null ? null : of.get(r.key());
        if (!FeedsTopic.apply(r, of)) {
            invalidRecords.increment();
        }
        if (loading.contains(p) || r.key() == null) {
            return;
        }
        FeedSource after = of.get(r.key());
        if (after != null && !after.equals(before)) {
            poller.addFeed(after);
        } else if (after == null && before != null) {
            poller.deleteFeed(r.key());
        }
    }

    private void finishLoading() {
        if (loading.isEmpty()) {
            loaded |= assigned;
            return;
        }
        List<TopicPartition> endUnknown = loading.stream().filter(p -> !ends.containsKey(p)).toList();
        if (!endUnknown.isEmpty()) {
            ends.putAll(consumer.endOffsets(endUnknown));
        }
        for (TopicPartition p : List.copyOf(loading)) {
            if (consumer.position(p) >= ends.get(p)) {
                loading.remove(p);
                ends.remove(p);
                Map<String, FeedSource> of = feeds.get(p);
                int resumed = poller.startFeeds(of.values(), statuses);
                LOG.info("feed partition read topic={} partition={} feeds={} resumed={}", Topics.FEEDS,
                        p.partition(), of.size(), resumed);
            }
        }
        loaded |= loading.isEmpty();
    }

    /** Partitions of news.feeds this instance holds. */
    public int partitions() {
        return partitions;
    }

    /** True once this instance has read every partition of its first assignment; it stays true. */
    public boolean loaded() {
        return loaded;
    }

    private static List<Integer> numbers(Collection<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::partition).sorted().toList();
    }
}
