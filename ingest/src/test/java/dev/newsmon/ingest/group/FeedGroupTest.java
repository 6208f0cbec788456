package dev.newsmon.ingest.group;

import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.model.FeedStatus;
import dev.newsmon.ingest.feedlist.FeedSource;
import dev.newsmon.ingest.status.PublishedStatuses;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedGroupTest {
    private static final TopicPartition P0 = new TopicPartition(Topics.FEEDS, 0);
    private static final FeedSource LEDGER =
            new FeedSource("https://orbital-ledger.example/feed.xml", "Orbital Ledger");

    @Test
    void defaultsKafkaSettingsMayOverrideAndNoOffsetCommitsWhateverTheySay()
            throws Exception {
        Map<String, Object> defaults = FeedGroup.consumerConfig(NewsmonConfig.defaults());
        assertEquals(10_000, defaults.get(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG));
        assertEquals(1_000, defaults.get(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG));
        assertEquals(CooperativeStickyAssignor.class.getName(),
                defaults.get(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG));
        assertEquals("newsmon-ingest", defaults.get(ConsumerConfig.GROUP_ID_CONFIG));
        assertEquals(false, defaults.get(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG));

        Map<String, Object> tuned = FeedGroup.consumerConfig(NewsmonConfig.defaults().with(Map.of(
                "kafka.session.timeout.ms", "6000", "kafka.enable.auto.commit", "true",
                "ingest.group.id", "ingest-eu")));
        assertEquals("6000", tuned.get(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG));
        assertEquals("ingest-eu", tuned.get(ConsumerConfig.GROUP_ID_CONFIG));
        assertEquals(false, tuned.get(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG));
    }

    @Test
    void aFailedPollIsRetriedAndCloseClosesTheConsumer() throws Exception {
        MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
        consumer.updateBeginningOffsets(Map.of(P0, 0L));
        consumer.updateEndOffsets(Map.of(P0, 1L));
        consumer.schedulePollTask(() -> consumer.setPollException(new KafkaException("broker away")));
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(P0));
            consumer.addRecord(new ConsumerRecord<>(Topics.FEEDS, 0, 0, LEDGER.url(),
                    JsonSerde.of(FeedSource.class).serializer().serialize(Topics.FEEDS, LEDGER)));
        });
        BlockingQueue<FeedSource> added = new LinkedBlockingQueue<>();

        FeedGroup group = FeedGroup.start(consumer, new FeedPoller() {
            @Override
            public void addFeed(FeedSource feed) {
                added.add(feed);
            }

            @Override
            public void resumeFeed(FeedSource feed, FeedStatus last) {
                throw new AssertionError("no feed has a status");
            }

            @Override
            public void removeFeed(String url) {
                throw new AssertionError("nothing is revoked");
            }

            @Override
            public void deleteFeed(String url) {
                throw new AssertionError("nothing is deleted");
            }
        }, PublishedStatuses.NONE, new SimpleMeterRegistry());
        try {
            assertEquals(LEDGER, added.poll(10, TimeUnit.SECONDS), "the poll after the failure hands over the feed");
        } finally {
            group.close();
        }
        assertTrue(consumer.closed());
    }
}
