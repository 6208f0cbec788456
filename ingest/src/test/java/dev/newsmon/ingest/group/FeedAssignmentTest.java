package dev.newsmon.ingest.group;

import dev.newsmon.common.Topics;
import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.model.FeedStatus;
import dev.newsmon.ingest.feedlist.FeedSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The assignment of news.feeds partitions, driven through a MockConsumer's rebalances and polls. */
class FeedAssignmentTest {
    private static final TopicPartition P0 = new TopicPartition(Topics.FEEDS, 0);
    private static final TopicPartition P1 = new TopicPartition(Topics.FEEDS, 1);
    private static final FeedSource LEDGER =
            new FeedSource("https://orbital-ledger.example/feed.xml", "Orbital Ledger");
    private static final FeedSource SKYWARD = new FeedSource("https://skyward.example/atom", null);
    private static final FeedSource MERIDIAN = new FeedSource("https://meridian-wire.example/rss", "Meridian Wire");
    private static final FeedSource QUARRY = new FeedSource("https://quarry-bay.example/feed", "Quarry Bay");

    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    private final RecordingPoller poller = new RecordingPoller();
    /** The statuses news.feed-status holds, by feed URL; and the sets of feeds asked about. */
    private final Map<String, FeedStatus> statuses = new HashMap<>();
    private final List<Set<String>> asked = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final FeedAssignment assignment = new FeedAssignment(consumer, poller, urls -> {
        asked.add(Set.copyOf(urls));
        Map<String, FeedStatus> found = new HashMap<>(statuses);
        found.keySet().retainAll(urls);
        return found;
    }, registry);

    @BeforeEach
    void subscribe() {
        consumer.subscribe(List.of(Topics.FEEDS), assignment);
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
    }

    @Test
    void aPartitionsFeedsArePolledOnlyOnceItIsReadToItsEnd() {
        assignAndPoll(Map.of(P0, 3L, P1, 1L), List.of(put(P0, 0, LEDGER), put(P0, 1, SKYWARD), put(P1, 0, MERIDIAN)));
        assertEquals(List.of("add " + MERIDIAN.url()), poller.calls, "partition 1 is read; partition 0 is not yet");
        assertFalse(assignment.loaded());

        consumer.addRecord(tombstone(P0, 2, SKYWARD.url()));
        poll();
        assertEquals(Map.of(LEDGER.url(), LEDGER, MERIDIAN.url(), MERIDIAN), poller.polled,
                "a feed added and removed before the end is never polled");
        assertEquals(List.of("add " + MERIDIAN.url(), "add " + LEDGER.url()), poller.calls);
        assertTrue(assignment.loaded());
        assertEquals(2, assignment.partitions());
    }

    @Test
    void onceReadEachRecordAddsUpdatesOrRemovesItsFeedAsItComes() {
        assignAndPoll(Map.of(P0, 1L, P1, 0L), List.of(put(P0, 0, LEDGER)));
        poller.calls.clear();

        FeedSource renamed = new FeedSource(LEDGER.url(), "Orbital Ledger Weekly", Map.of(), Duration.ofHours(1));
        consumer.addRecord(put(P1, 0, SKYWARD));
        consumer.addRecord(put(P0, 1, renamed));
        consumer.addRecord(put(P0, 2, renamed));
        consumer.addRecord(tombstone(P1, 1, SKYWARD.url()));
        consumer.addRecord(tombstone(P1, 2, "https://never-listed.example/rss"));
        poll();

        // A poll returns the records partition by partition, so only the order within a partition is given.
        assertEquals(List.of("add " + LEDGER.url(), "add " + SKYWARD.url(), "delete " + SKYWARD.url()),
                poller.calls.stream().sorted().toList(),
                "the same definition twice is one add; a tombstone deletes its feed; one of an unknown feed is "
                        + "nothing");
        assertEquals(Map.of(LEDGER.url(), renamed), poller.polled);
    }

    @Test
    void aRevokedPartitionTakesItsFeedsAwayAndOnlyThose() {
        assignAndPoll(Map.of(P0, 2L, P1, 1L), List.of(put(P0, 0, LEDGER), put(P0, 1, SKYWARD), put(P1, 0, MERIDIAN)));

        consumer.rebalance(List.of(P1));

        assertEquals(Map.of(MERIDIAN.url(), MERIDIAN), poller.polled);
        assertTrue(poller.calls.stream().noneMatch(c -> c.startsWith("delete ")),
                "feeds that move to another instance keep their published status: " + poller.calls);
        assertEquals(1, assignment.partitions());

        assignAndPoll(Map.of(P0, 3L, P1, 1L), List.of(put(P0, 0, LEDGER), put(P0, 1, SKYWARD), put(P0, 2, QUARRY)));
        assertEquals(Map.of(LEDGER.url(), LEDGER, SKYWARD.url(), SKYWARD, MERIDIAN.url(), MERIDIAN,
                QUARRY.url(), QUARRY), poller.polled, "assigned again, the partition is read again from its start");
    }

    @Test
    void aPartitionRevokedWhileStillBeingReadHadNothingPolledAndRemovesNothing() {
        assignAndPoll(Map.of(P0, 5L, P1, 0L), List.of(put(P0, 0, LEDGER)));

        consumer.rebalance(List.of(P1));

        assertEquals(List.of(), poller.calls);
    }

    @Test
    void anUnreadableRecordIsCountedAndLeavesItsFeedOut() {
        assignAndPoll(Map.of(P0, 1L, P1, 0L), List.of(put(P0, 0, LEDGER)));

        consumer.addRecord(new ConsumerRecord<>(Topics.FEEDS, 0, 1, LEDGER.url(),
                "{\"url\": 12, ".getBytes(StandardCharsets.UTF_8)));
        consumer.addRecord(new ConsumerRecord<>(Topics.FEEDS, 0, 2, null, json(SKYWARD)));
        poll();

        assertEquals(Map.of(), poller.polled);
        assertEquals(2, registry.get("newsmon.ingest.feed.records.invalid").counter().count());
    }

    @Test
    void theFeedsOfAPartitionReadToItsEndResumeFromTheStatusTheirPreviousPollerPublished() {
        FeedStatus ledger = new FeedStatus(FeedStatus.SCHEMA_VERSION, LEDGER.url(), LEDGER.url(), "Orbital Ledger",
                null, null, 200, 0, null, null, 12, 0, false, "\"v7\"", null, false);
        statuses.put(LEDGER.url(), ledger);
        statuses.put(MERIDIAN.url(), ledger);

        assignAndPoll(Map.of(P0, 2L, P1, 0L), List.of(put(P0, 0, LEDGER), put(P0, 1, SKYWARD)));

        assertEquals(List.of(Set.of(LEDGER.url(), SKYWARD.url())), asked, "one read per partition, for its feeds");
        assertEquals(List.of("add " + SKYWARD.url(), "resume " + LEDGER.url() + " etag=\"v7\""),
                poller.calls.stream().sorted().toList());

        consumer.addRecord(put(P1, 0, MERIDIAN));
        poll();
        assertEquals("add " + MERIDIAN.url(), poller.calls.get(poller.calls.size() - 1),
                "a feed added while the partition is held is new: it has no state to resume");
    }

    @Test
    void anInstanceAssignedNoPartitionIsLoadedWithNothingToPoll() {
        consumer.rebalance(List.of());
        poll();

        assertTrue(assignment.loaded());
        assertEquals(0, assignment.partitions());
        assertEquals(List.of(), poller.calls);
    }

    /** Assigns the partitions, up to the given ends, with these records in them, and polls once. */
    private void assignAndPoll(Map<TopicPartition, Long> ends, List<ConsumerRecord<String, byte[]>> records) {
        consumer.updateEndOffsets(ends);
        consumer.rebalance(List.copyOf(ends.keySet()));
        records.forEach(consumer::addRecord);
        poll();
    }

    private void poll() {
        assignment.accept(consumer.poll(Duration.ZERO));
    }

    private static ConsumerRecord<String, byte[]> put(TopicPartition p, long offset, FeedSource feed) {
        return new ConsumerRecord<>(p.topic(), p.partition(), offset, feed.url(), json(feed));
    }

    private static ConsumerRecord<String, byte[]> tombstone(TopicPartition p, long offset, String url) {
        return new ConsumerRecord<>(p.topic(), p.partition(), offset, url, null);
    }

    private static byte[] json(FeedSource feed) {
        return JsonSerde.of(FeedSource.class).serializer().serialize(Topics.FEEDS, feed);
    }

    /** The poller's view: the feeds polled now, and every call in order. */
    static final class RecordingPoller implements FeedPoller {
        final Map<String, FeedSource> polled = new LinkedHashMap<>();
        final List<String> calls = new ArrayList<>();

        @Override
        public void addFeed(FeedSource feed) {
            polled.put(feed.url(), feed);
            calls.add("add " + feed.url());
        }

        @Override
        public void resumeFeed(FeedSource feed, FeedStatus last) {
            polled.put(feed.url(), feed);
            calls.add("resume " + feed.url() + " etag=" + last.etag());
        }

        @Override
        public void removeFeed(String url) {
            polled.remove(url);
            calls.add("remove " + url);
        }

        @Override
        public void deleteFeed(String url) {
            polled.remove(url);
            calls.add("delete " + url);
        }
    }
}
