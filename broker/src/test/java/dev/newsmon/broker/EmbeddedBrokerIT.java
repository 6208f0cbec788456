package dev.newsmon.broker;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedBrokerIT {

    @TempDir
    Path dir;

    @Test
    void formatsOnFirstStartAndKeepsDataAcrossARestart() throws Exception {
        BrokerOptions options = BrokerOptions.forTest(dir);
        try (EmbeddedBroker broker = EmbeddedBroker.start(options)) {
            assertTrue(Files.exists(dir.resolve("kraft-logs/meta.properties")), "storage formatted");
            try (Admin admin = admin(broker)) {
                admin.createTopics(List.of(new NewTopic("t", 1, (short) 1))).all().get();
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("t", "k", "kept")).get();
            }
        }

        try (EmbeddedBroker again = EmbeddedBroker.start(options)) {
            try (Admin admin = admin(again)) {
                assertTrue(admin.listTopics().names().get().contains("t"), "topic survives a restart");
            }
            assertEquals(List.of("kept"), readAll(again, "t", 1));
        }
    }

    @Test
    void killIsImmediateAndTheBrokerRecoversFromIt() throws Exception {
        BrokerOptions options = BrokerOptions.forTest(dir);
        EmbeddedBroker broker = EmbeddedBroker.start(options);
        try (Admin admin = admin(broker)) {
            admin.createTopics(List.of(new NewTopic("crash", 1, (short) 1))).all().get();
        }
        broker.kill();
        assertFalse(broker.isAlive());

        try (EmbeddedBroker recovered = EmbeddedBroker.start(options); Admin admin = admin(recovered)) {
            Set<String> names = admin.listTopics().names().get();
            assertTrue(names.contains("crash"), "topic created before the kill is still there: " + names);
        }
    }

    @Test
    void aPickedPortTakenBeforeTheBrokerBindsItIsReplacedByAnother() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // The first port handed out is already bound, as when another process takes it between pick and bind.
            AtomicInteger picks = new AtomicInteger();
            IntSupplier ports = () -> picks.getAndIncrement() == 0 ? taken.getLocalPort() : EmbeddedBroker.freePort();
            try (EmbeddedBroker broker = EmbeddedBroker.start(BrokerOptions.forTest(dir), ports);
                 Admin admin = admin(broker)) {
                assertFalse(broker.bootstrapServers().endsWith(":" + taken.getLocalPort()), broker.bootstrapServers());
                admin.createTopics(List.of(new NewTopic("after-retry", 1, (short) 1))).all().get();
                assertTrue(admin.listTopics().names().get().contains("after-retry"));
            }
            assertTrue(picks.get() >= 4, "a second pair of ports was picked: " + picks.get());
        }
    }

    private static Admin admin(EmbeddedBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    /** Reads the topic's one partition from the start, without a group: no join to wait for. */
    private static List<String> readAll(EmbeddedBroker broker, String topic, int expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<String> values = new ArrayList<>();
            await("the " + expected + " records of " + topic).atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
                return values.size() >= expected;
            });
            return values;
        }
    }
}
