package dev.newsmon.app;

import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.kafka.DeadLetters;
import dev.newsmon.common.kafka.TopicAdmin;
import dev.newsmon.processor.ProcessorNames;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Poison on every topic the services read with a consumer group (news.items, news.alerts, the processor's resolve
 * topic), under exactly-once on a real broker: each bad record lands in news.dlq once per reader, with headers
 * naming its source and cause, and the good records after it still make their alerts.
 */
class PoisonRecordIT {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    @RegisterExtension
    static final SharedBroker BROKER = new SharedBroker();

    @Test
    void poisonGoesToTheDeadLetterTopicAndGoodRecordsStillFlow() throws Exception {
        try (FixtureFeedServer server = new FixtureFeedServer("/fixtures/once")) {
            String bootstrap = BROKER.bootstrapServers();
            // The processor's own loop topic, created as the processor would, to be poisoned like the others.
            String resolve = ProcessorNames.resolveTopic(NewsmonConfig.defaults());
            List<String> topics = new ArrayList<>(Topics.ALL);
            topics.add(resolve);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                TopicAdmin.ensureTopics(admin, topics, Map.of(), 3, (short) 1);
            }
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
                producer.send(new ProducerRecord<>(Topics.ITEMS, bytes("bad-item"), bytes("{not an item"))).get();
                producer.send(new ProducerRecord<>(Topics.ALERTS, bytes("bad-alert"), bytes("<alert/>"))).get();
                producer.send(new ProducerRecord<>(resolve, bytes("bad-resolve"), bytes("{\"type\":42"))).get();
            }

            Path out = dir.resolve("out");
            int exit = Main.commandLine().execute("run", "--once",
                    "--feeds", server.writeFeedList(dir).toString(), "--out", out.toString(),
                    "--bootstrap-servers", bootstrap,
                    "--set", "data.dir=" + dir.resolve("data"),
                    "--set", "processor.rules.file=../config/rules.yaml",
                    "--set", "sink.console=false");
            assertEquals(0, exit);
            assertEquals(3, Files.readAllLines(out.resolve("alerts.jsonl")).size(), "the good records still alert");

            // Every reader of a topic reports the poison it met: news.items has one (the processor); news.alerts
            // three (the processor's story-cluster step, the subscriber app, and the jsonl sink); the resolve topic
            // one (the processor).
            List<ConsumerRecord<byte[], byte[]>> dead = readAll(bootstrap, Topics.DLQ, 5);
            assertEquals(5, dead.size(), "one dead letter per poison record and reader");
            List<ConsumerRecord<byte[], byte[]>> fromItems = withKey(dead, "bad-item");
            assertEquals(1, fromItems.size());
            fromItems.forEach(r -> {
                assertEquals("{not an item", string(r.value()));
                assertEquals(Topics.ITEMS, header(r, "__streams.errors.topic"));
                assertNotNull(r.headers().lastHeader("__streams.errors.exception"), "the cause is named");
            });
            List<ConsumerRecord<byte[], byte[]>> fromAlerts = withKey(dead, "bad-alert");
            assertEquals(3, fromAlerts.size());
            assertEquals(1, fromAlerts.stream().filter(r -> r.headers().lastHeader(DeadLetters.PREFIX + "service") != null)
                    .peek(r -> assertEquals(Topics.ALERTS, header(r, DeadLetters.PREFIX + "topic")))
                    .peek(r -> assertEquals("sink", header(r, DeadLetters.PREFIX + "service"))).count());
            assertEquals(2, fromAlerts.stream().filter(r -> r.headers().lastHeader("__streams.errors.topic") != null)
                    .peek(r -> assertEquals(Topics.ALERTS, header(r, "__streams.errors.topic"))).count());
            List<ConsumerRecord<byte[], byte[]>> fromResolve = withKey(dead, "bad-resolve");
            assertEquals(1, fromResolve.size());
            assertEquals(resolve, header(fromResolve.get(0), "__streams.errors.topic"));
            assertNotNull(fromResolve.get(0).headers().lastHeader("__streams.errors.exception"), "the cause is named");
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(String bootstrap, String topic, int expected) {
        try (TopicReader<byte[], byte[]> reader = TopicReader.bytes(bootstrap, topic)) {
            reader.until(await(expected + " records in " + topic).atMost(READ_TIMEOUT), r -> r.size() >= expected);
            // On to the end, so that an unexpected extra record would be seen too.
            return reader.toEnd(READ_TIMEOUT);
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> withKey(List<ConsumerRecord<byte[], byte[]>> records,
                                                                 String key) {
        return records.stream().filter(r -> key.equals(string(r.key()))).toList();
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        assertNotNull(h, "header " + name);
        return string(h.value());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String string(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }
}
