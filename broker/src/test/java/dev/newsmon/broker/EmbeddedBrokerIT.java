package dev.newsmon.broker;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    private static Admin admin(EmbeddedBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static List<String> readAll(EmbeddedBroker broker, String topic, int expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<String> values = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(30);
            while (values.size() < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
            return values;
        }
    }
}
