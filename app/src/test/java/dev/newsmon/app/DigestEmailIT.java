package dev.newsmon.app;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.newsmon.app.pipeline.Cluster;
import dev.newsmon.app.pipeline.SubscriberAssembly;
import dev.newsmon.app.pipeline.Subscribers;
import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.model.Alert;
import dev.newsmon.common.ops.Ops;
import io.micrometer.core.instrument.Counter;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An hourly email digest from alert to inbox, on the embedded broker and a real SMTP server (GreenMail): one email
 * per closed window with one entry per story, and none repeated after a restart, even one whose channel service
 * lost its consumer offsets (it reads news.digests again from the start and news.deliveries says what it sent).
 */
class DigestEmailIT {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final List<String> STATION = List.of("space-station");

    @TempDir
    static Path dir;
    @RegisterExtension
    static final SharedBroker BROKER = new SharedBroker();

    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    @BeforeEach
    void startSmtp() {
        smtp.start();
    }

    /**
     * Yesterday: the alerts carry their times as record timestamps, and a day long past would fall to the topics'
     * retention (seven days by the broker's default) while the test runs.
     */
    private static final String DAY = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void oneEmailPerClosedWindowWithItsStoriesAndNoneRepeatedAfterARestart() throws Exception {
        NewsmonConfig config = NewsmonConfig.defaults().withKnown(Map.of(
                "kafka.bootstrap.servers", BROKER.bootstrapServers(),
                "data.dir", dir.resolve("data").toString(),
                "topics.partitions", "1",
                "subscribers.digest.grace", "0s",
                "channels.smtp.host", "127.0.0.1",
                "channels.smtp.port", Integer.toString(smtp.getSmtp().getPort()),
                "channels.smtp.from", "newsmon@newsmon.test"));
        Cluster.open(config).close();
        Path file = Files.writeString(dir.resolve("morning.yaml"), """
                name: morning
                filter: {tags_any: [space-station]}
                instant: false
                digest: hourly
                channels:
                  - {type: email, to: desk@newsmon.test}
                """);
        assertEquals(0, Main.commandLine().execute("subscriptions", "add", file.toString(),
                "--bootstrap-servers", BROKER.bootstrapServers(), "--set", "topics.partitions=1"));

        try (KafkaProducer<String, Alert> alerts = new KafkaProducer<>(config.kafkaProperties(Map.of(
                ProducerConfig.ACKS_CONFIG, "all")), new StringSerializer(), JsonSerde.of(Alert.class).serializer())) {
            try (Ops ops = Ops.start(config, "subscribers")) {
                Subscribers subscribers = start(config, ops);
                try {
                    send(alerts, "s-1", "m1", Alert.Kind.STORY, "Tidewater Gazette", "Cargo craft docks",
                            DAY + "T10:05:00Z");
                    send(alerts, "s-1", "m2", Alert.Kind.COPY, "Harbor City Post", "Cargo craft reaches the station",
                            DAY + "T10:20:00Z");
                    send(alerts, "s-2", "m3", Alert.Kind.STORY, "Lakeshore Ledger", "Solar array unfurled",
                            DAY + "T10:40:00Z");
                    // The first alert after 11:00 closes the 10:00 window (grace 0).
                    send(alerts, "s-3", "m4", Alert.Kind.STORY, "Lakeshore Ledger", "Crew rotation set",
                            DAY + "T11:01:00Z");
                    assertTrue(smtp.waitForIncomingEmail(DEADLINE.toMillis(), 1), "the 10:00 digest");
                    MimeMessage ten = smtp.getReceivedMessages()[0];
                    assertEquals("[morning] hourly digest, " + DAY + " 10:00 to " + DAY + " 11:00 UTC: 2 stories",
                            ten.getSubject());
                    assertEquals("<morning." + DAY + "T10.00.00Z@newsmon>", ten.getMessageID());
                    assertEquals("desk@newsmon.test", ten.getAllRecipients()[0].toString());
                    String text = plainText(ten);
                    assertTrue(text.contains("- Cargo craft docks\n"), text);
                    assertTrue(text.contains("Tidewater Gazette, Harbor City Post; first " + DAY + " 10:05 UTC, latest"
                            + " " + DAY + " 10:20 UTC"), text);
                    assertTrue(text.contains("- Solar array unfurled\n"), text);
                    assertFalse(text.contains("Crew rotation"), "the 11:00 window's story waits: " + text);
                    assertEquals(2, count(text, "\n- "), "one entry per story: " + text);
                } finally {
                    subscribers.close(Duration.ofSeconds(30));
                }
            }

            // The channel service comes back without its offsets: it reads news.digests from the start again.
            NewsmonConfig restarted = config.withKnown(Map.of("channels.group.id", "newsmon-channels-lost-offsets"));
            try (Ops ops = Ops.start(restarted, "subscribers")) {
                Subscribers subscribers = start(restarted, ops);
                try {
                    send(alerts, "s-4", "m5", Alert.Kind.STORY, "Tidewater Gazette", "Spacewalk planned",
                            DAY + "T12:02:00Z");
                    assertTrue(smtp.waitForIncomingEmail(DEADLINE.toMillis(), 2), "the 11:00 digest");
                    MimeMessage[] all = smtp.getReceivedMessages();
                    assertEquals(2, all.length, "the 10:00 digest was not sent again");
                    assertEquals("<morning." + DAY + "T11.00.00Z@newsmon>", all[1].getMessageID());
                    String text = plainText(all[1]);
                    assertTrue(text.contains("- Crew rotation set\n"), "the open window survived the restart: " + text);
                    assertEquals(1, count(text, "\n- "), "only that story: " + text);
                    // The mail server has the message before the channel service has counted it.
                    Counter sent = ops.registry().get("newsmon.channels.messages").tag("outcome", "sent").counter();
                    await("one email counted by this run").atMost(DEADLINE).until(sent::count, is(1.0));
                    assertEquals(1, sent.count(), "one email by this run, no more");
                } finally {
                    subscribers.close(Duration.ofSeconds(30));
                }
            }
        }
        assertEquals(List.of("morning@" + DAY + "T10:00:00Z", "morning@" + DAY + "T11:00:00Z"), digestKeys(config),
                "one digest per window on news.digests");
    }

    private static Subscribers start(NewsmonConfig config, Ops ops) throws Exception {
        Subscribers subscribers = SubscriberAssembly.build(config, ops, Map.of());
        subscribers.start();
        assertTrue(subscribers.app().awaitRunning(DEADLINE), "subscriber app RUNNING");
        return subscribers;
    }

    private static void send(KafkaProducer<String, Alert> producer, String story, String item, Alert.Kind kind,
                             String outlet, String title, String at) throws Exception {
        Instant t = Instant.parse(at);
        Alert a = new Alert(Alert.SCHEMA_VERSION, kind, story, item, "https://news.example/" + item, title, outlet,
                "https://news.example/feed", t, t, t, STATION, Map.of(), kind == Alert.Kind.COPY ? 0.8 : null,
                kind == Alert.Kind.COPY ? "m1" : null, "it", Map.of(), null, null);
        producer.send(new ProducerRecord<>(Topics.ALERTS, null, t.toEpochMilli(), story, a)).get();
    }

    private static String plainText(MimeMessage m) throws Exception {
        return ((MimeMultipart) m.getContent()).getBodyPart(0).getContent().toString().replace("\r\n", "\n");
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    private static List<String> digestKeys(NewsmonConfig config) {
        try (TopicReader<String, String> reader = TopicReader.strings(config.bootstrapServers().orElseThrow(),
                Topics.DIGESTS)) {
            return reader.toEnd(DEADLINE).stream().map(ConsumerRecord::key).toList();
        }
    }
}
