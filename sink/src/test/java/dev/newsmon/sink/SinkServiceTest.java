package dev.newsmon.sink;

import dev.newsmon.common.Topics;
import dev.newsmon.common.json.Json;
import dev.newsmon.common.kafka.DeadLetters;
import dev.newsmon.common.model.Alert;
import dev.newsmon.sink.jsonl.JsonlFileSink;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SinkServiceTest {
    private static final TopicPartition P0 = new TopicPartition(Topics.ALERTS, 0);
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path out;

    /** The last offset committed, readable after the service closed its consumer. */
    private volatile long lastCommitted = -1;
    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest") {
        @Override
        public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
            super.commitSync(offsets);
            lastCommitted = offsets.get(P0).offset();
        }

        @Override
        public synchronized void close(CloseOptions options) {
            closedWith = options.groupMembershipOperation();
            // KafkaConsumer.close() revokes the assignment through the rebalance listener before it leaves.
            rebalance(List.of());
            super.close(options);
        }
    };
    /** How the service closed its consumer: whether it left the group. */
    private volatile CloseOptions.GroupMembershipOperation closedWith;
    private final MockProducer<byte[], byte[]> dlq =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private SinkService service;
    private Thread thread;
    private volatile Throwable died;

    @AfterEach
    void stop() throws InterruptedException {
        if (service != null) {
            assertTrue(service.stop(Duration.ofSeconds(10)), "sink stops within its timeout");
            thread.join(10_000);
        }
    }

    @Test
    void writesEachAlertAsOneLineAndCommitsAfterTheWrite() throws Exception {
        JsonlFileSink jsonl = new JsonlFileSink(out);
        start(jsonl, record(0, json(TestAlerts.alert("s-1", "i-1", Alert.Kind.STORY))),
                record(1, json(TestAlerts.alert("s-1", "i-2", Alert.Kind.COPY))));

        await().atMost(WAIT).until(this::committed, is(2L));
        List<String> lines = Files.readAllLines(jsonl.file());
        assertEquals(2, lines.size());
        Alert first = Json.mapper().readValue(lines.get(0), Alert.class);
        assertEquals("i-1", first.itemId());
        assertEquals(Alert.Kind.COPY, Json.mapper().readValue(lines.get(1), Alert.class).kind());
        assertTrue(lines.get(0).contains("\"kind\":\"story\""), lines.get(0));
        assertEquals(2, counted("newsmon.sink.alerts.written", JsonlFileSink.NAME));
        assertEquals(2, counted("newsmon.sink.records.committed", JsonlFileSink.NAME));
    }

    @Test
    void aStoppedSinkLeavesItsGroupSoItsPartitionsMoveAtOnce() throws Exception {
        start(new JsonlFileSink(out), record(0, json(TestAlerts.alert("s-1", "i-1", Alert.Kind.STORY))));
        await().atMost(WAIT).until(this::committed, is(1L));
        assertTrue(service.stop(Duration.ofSeconds(10)));
        thread.join(10_000);
        service = null;
        assertEquals(CloseOptions.GroupMembershipOperation.LEAVE_GROUP, closedWith,
                "a static member leaves only when asked to");
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextAlertStillArrives() throws Exception {
        JsonlFileSink jsonl = new JsonlFileSink(out);
        start(jsonl, record(0, "{not json".getBytes(StandardCharsets.UTF_8)),
                record(1, json(TestAlerts.alert("s-2", "i-3", Alert.Kind.STORY))));

        await().atMost(WAIT).until(this::committed, is(2L));
        assertEquals(1, Files.readAllLines(jsonl.file()).size());
        assertEquals(1, dlq.history().size());
        ProducerRecord<byte[], byte[]> dead = dlq.history().get(0);
        assertEquals(Topics.DLQ, dead.topic());
        assertEquals("{not json", new String(dead.value(), StandardCharsets.UTF_8));
        assertEquals("0", header(dead, "offset"));
        assertEquals(Topics.ALERTS, header(dead, "topic"));
        assertTrue(header(dead, "exception").endsWith("SerializationException"));
        assertEquals(1, counted("newsmon.sink.dead.lettered", JsonlFileSink.NAME));
    }

    @Test
    void aFailedWriteIsRolledBackAndNothingIsCommitted() throws Exception {
        CountDownLatch rolledBack = new CountDownLatch(1);
        List<String> written = new ArrayList<>();
        AlertSink failing = new AlertSink() {
            public String name() {
                return "failing";
            }

            public void write(Alert alert) {
                written.add(alert.itemId());
            }

            public void commit() throws IOException {
                throw new IOException("No space left on device");
            }

            public void rollback() {
                written.clear();
                rolledBack.countDown();
            }

            public void close() {
            }
        };
        start(failing, record(0, json(TestAlerts.alert("s-3", "i-4", Alert.Kind.STORY))));

        assertTrue(rolledBack.await(10, TimeUnit.SECONDS), "the failed batch is rolled back");
        assertTrue(written.isEmpty());
        assertNull(consumer.committed(Set.of(P0)).get(P0), "no offset committed past an unwritten alert");
        assertEquals(1, counted("newsmon.sink.batches.failed", "failing"));
    }

    @Test
    void withALingerTheSinkCommitsBatchesPolledApartTogether() throws Exception {
        List<Integer> commitSizes = new CopyOnWriteArrayList<>();
        List<String> sinceCommit = new CopyOnWriteArrayList<>();
        AlertSink counting = new AlertSink() {
            public String name() {
                return "counting";
            }

            public void write(Alert alert) {
                sinceCommit.add(alert.itemId());
            }

            public void commit() {
                commitSizes.add(sinceCommit.size());
                sinceCommit.clear();
            }

            public void rollback() {
                sinceCommit.clear();
            }

            public void close() {
            }
        };
        start(counting, Duration.ofMinutes(5), record(0, json(TestAlerts.alert("s-4", "i-5", Alert.Kind.STORY))));
        byte[] second = json(TestAlerts.alert("s-4", "i-6", Alert.Kind.COPY));
        consumer.schedulePollTask(() -> consumer.addRecord(record(1, second)));

        await().atMost(WAIT).until(sinceCommit::size, is(2));
        assertEquals(-1L, committed(), "nothing committed while the linger lasts");
        assertTrue(service.stop(Duration.ofSeconds(10)));
        assertEquals(2L, lastCommitted, "stopping commits what was written");
        assertEquals(List.of(2), commitSizes, "two polls, one commit");
    }

    @Test
    void aFailedWriteRewindsEveryPartitionOfTheBatchNotOnlyThoseReached() throws Exception {
        TopicPartition p1 = new TopicPartition(Topics.ALERTS, 1);
        ConsumerRecord<byte[], byte[]> onP0 = record(0, json(TestAlerts.alert("s-7", "i-10", Alert.Kind.STORY)));
        ConsumerRecord<byte[], byte[]> onP1 = new ConsumerRecord<>(Topics.ALERTS, 1, 0, onP0.key(),
                json(TestAlerts.alert("s-8", "i-11", Alert.Kind.STORY)));
        AtomicInteger writes = new AtomicInteger();
        List<String> durable = new CopyOnWriteArrayList<>();
        AlertSink fullOnce = new RecordingSink(new CopyOnWriteArrayList<>()) {
            @Override
            public void write(Alert alert) throws IOException {
                if (writes.incrementAndGet() == 1) {
                    throw new IOException("No space left on device");
                }
                durable.add(alert.itemId());
            }
        };
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(P0, p1));
            consumer.updateBeginningOffsets(Map.of(P0, 0L, p1, 0L));
            consumer.addRecord(onP0);
            consumer.addRecord(onP1);
        });
        // What the broker serves after a seek: both partitions from offset 0, to the consumer that asks for them.
        consumer.schedulePollTask(() -> {
            consumer.addRecord(onP0);
            consumer.addRecord(onP1);
        });
        service = new SinkService(consumer, dlq, fullOnce, registry);
        thread = new Thread(service, "sink-under-test");
        thread.start();

        await().atMost(WAIT).until(durable::size, is(2));
        assertEquals(Set.of("i-10", "i-11"), Set.copyOf(durable), "the alert after the failed one is not skipped");
        await("offset 1 committed on both partitions").atMost(WAIT).until(() -> consumer.committed(Set.of(P0, p1))
                .values().stream().allMatch(c -> c != null && c.offset() == 1));
    }

    @Test
    void anErrorOutOfTheSinkCommitsNothingOnTheWayOut() throws Exception {
        List<String> rolledBack = new CopyOnWriteArrayList<>();
        AlertSink dying = new RecordingSink(rolledBack) {
            @Override
            public void write(Alert alert) throws IOException {
                if (alert.itemId().equals("i-8")) {
                    throw new StackOverflowError("the sink died in the middle of a batch");
                }
                super.write(alert);
            }
        };
        start(dying, record(0, json(TestAlerts.alert("s-5", "i-7", Alert.Kind.STORY))),
                record(1, json(TestAlerts.alert("s-5", "i-8", Alert.Kind.COPY))));

        thread.join(10_000);
        assertInstanceOf(StackOverflowError.class, died, "the error ends the sink's thread");
        assertEquals(-1L, lastCommitted, "i-7 was written but never made durable: its offset is not committed");
        assertEquals(List.of("i-7"), rolledBack, "and it is rolled back, to be written again by the next owner");
    }

    @Test
    void aCommitFailingAtStopCommitsNoOffsetOnTheWayOut() throws Exception {
        AtomicInteger commits = new AtomicInteger();
        CountDownLatch written = new CountDownLatch(1);
        List<String> rolledBack = new CopyOnWriteArrayList<>();
        AlertSink fullOnce = new RecordingSink(rolledBack) {
            @Override
            public void write(Alert alert) throws IOException {
                super.write(alert);
                written.countDown();
            }

            @Override
            public void commit() throws IOException {
                if (commits.incrementAndGet() == 1) {
                    throw new IOException("No space left on device");
                }
                super.commit();
            }
        };
        start(fullOnce, Duration.ofMinutes(5), record(0, json(TestAlerts.alert("s-6", "i-9", Alert.Kind.STORY))));
        assertTrue(written.await(10, TimeUnit.SECONDS), "the alert is written, to be committed when the linger ends");

        assertTrue(service.stop(Duration.ofSeconds(10)));
        assertEquals(1, counted("newsmon.sink.batches.failed", "recording"), "the commit at stop failed");
        assertEquals(-1L, lastCommitted, "so no offset is committed, not even by the revocation in close()");
        assertTrue(rolledBack.contains("i-9"));
    }

    /** Remembers what it was given since its last commit, and what a rollback threw away. */
    private static class RecordingSink implements AlertSink {
        private final List<String> sinceCommit = new CopyOnWriteArrayList<>();
        private final List<String> rolledBack;

        RecordingSink(List<String> rolledBack) {
            this.rolledBack = rolledBack;
        }

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public void write(Alert alert) throws IOException {
            sinceCommit.add(alert.itemId());
        }

        @Override
        public void commit() throws IOException {
            sinceCommit.clear();
        }

        @Override
        public void rollback() {
            rolledBack.addAll(sinceCommit);
            sinceCommit.clear();
        }

        @Override
        public void close() {
        }
    }

    /** Assigns the partition and hands over the records at the consumer's first poll, as a broker would. */
    @SafeVarargs
    private void start(AlertSink sink, ConsumerRecord<byte[], byte[]>... records) {
        start(sink, Duration.ZERO, records);
    }

    private double counted(String name, String sink) {
        return registry.get(name).tag("sink", sink).counter().count();
    }

    @SafeVarargs
    private void start(AlertSink sink, Duration linger, ConsumerRecord<byte[], byte[]>... records) {
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(P0));
            consumer.updateBeginningOffsets(Map.of(P0, 0L));
            for (ConsumerRecord<byte[], byte[]> r : records) {
                consumer.addRecord(r);
            }
        });
        service = new SinkService(consumer, dlq, sink, linger, registry);
        thread = new Thread(service, "sink-under-test");
        thread.setUncaughtExceptionHandler((t, e) -> died = e);
        thread.start();
    }

    private long committed() {
        OffsetAndMetadata c = consumer.committed(Set.of(P0)).get(P0);
        return c == null ? -1 : c.offset();
    }

    private static String header(ProducerRecord<byte[], byte[]> r, String name) {
        return new String(r.headers().lastHeader(DeadLetters.PREFIX + name).value(), StandardCharsets.UTF_8);
    }

    private static ConsumerRecord<byte[], byte[]> record(long offset, byte[] value) {
        return new ConsumerRecord<>(Topics.ALERTS, 0, offset, "k".getBytes(StandardCharsets.UTF_8), value);
    }

    private static byte[] json(Alert alert) throws IOException {
        return Json.mapper().writeValueAsBytes(alert);
    }
}
