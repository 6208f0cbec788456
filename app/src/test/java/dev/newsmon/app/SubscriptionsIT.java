package dev.newsmon.app;

import dev.newsmon.app.pipeline.Cluster;
import dev.newsmon.common.SubscriberNames;
import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.json.Json;
import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.model.Alert;
import dev.newsmon.common.subscription.Subscription;
import dev.newsmon.processor.subscribe.SubscriberService;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Subscriptions on the embedded broker: published with {@code newsmon subscriptions}, applied by a running
 * subscriber app, each subscription's alerts read from its own topic with a plain read_committed consumer. One
 * partition per topic, so that an alert sent last and read last proves nothing else is on its way.
 */
class SubscriptionsIT {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final List<String> STATION = List.of("space-station");
    private static final List<String> RUSSIA = List.of("russia");

    @TempDir
    static Path dir;
    @RegisterExtension
    static final SharedBroker BROKER = new SharedBroker();

    @Test
    void eachSubscriptionGetsExactlyItsAlertsAndAChangeAppliesToTheNextAlert() throws Exception {
        NewsmonConfig config = NewsmonConfig.defaults().withKnown(Map.of(
                "kafka.bootstrap.servers", BROKER.bootstrapServers(),
                "data.dir", dir.resolve("data").toString(),
                "topics.partitions", "1"));
        Cluster.open(config).close();
        assertEquals(0, cli("add", write("station.yaml", """
                name: station
                filter:
                  tags_any: [space-station]
                  muted_outlets: [Quarry Bay Bulletin]
                """)));
        assertEquals(0, cli("add", write("russia.yaml", """
                name: russia-two
                filter:
                  tags_all: [russia]
                  min_outlets: 2
                """)));
        StringWriter err = new StringWriter();
        assertEquals(Main.USAGE, cli(err, "add", write("bad.yaml", """
                name: broken
                filter:
                  tags_any: [russia]
                  min_outlets: 0
                channels:
                  - {type: pager, to: "https://pager.example/x"}
                """)));
        assertTrue(err.toString().contains("filter.min_outlets: must be at least 1")
                && err.toString().contains("channels[0].type: 'pager' is not one of slack, ntfy, email"), err.toString());

        try (SubscriberService app = new SubscriberService(config, new SimpleMeterRegistry());
             KafkaProducer<String, Alert> alerts = new KafkaProducer<>(config.kafkaProperties(Map.of(
                     ProducerConfig.ACKS_CONFIG, "all")), new StringSerializer(),
                     JsonSerde.of(Alert.class).serializer())) {
            app.start();
            assertTrue(app.awaitRunning(DEADLINE), "subscriber app RUNNING");
            assertTrue(subscriptions(app).get("broken") == null, "the refused subscription was not published");

            send(alerts, alert("s-1", "a1", Alert.Kind.STORY, "Tidewater Gazette", STATION));
            send(alerts, alert("s-2", "a2", Alert.Kind.STORY, "Harbor City Post", List.of("russia", "space-station")));
            send(alerts, alert("s-1", "a3", Alert.Kind.COPY, "Quarry Bay Bulletin", STATION));
            send(alerts, alert("s-2", "a4", Alert.Kind.COPY, "Lakeshore Ledger", RUSSIA));
            send(alerts, alert("s-3", "a5", Alert.Kind.STORY, "Tidewater Gazette", RUSSIA));
            send(alerts, alert("s-8", "end-1", Alert.Kind.STORY, "Tidewater Gazette", List.of("russia",
                    "space-station")));
            send(alerts, alert("s-8", "end-2", Alert.Kind.COPY, "Harbor City Post", List.of("russia",
                    "space-station")));
            List<ConsumerRecord<String, String>> station = readUntil("station", "end-2");
            assertEquals(List.of("a1", "a2", "end-1", "end-2"), ids(station),
                    "every space-station alert but the muted outlet's a3");
            assertEquals(List.of("a4", "end-2"), ids(readUntil("russia-two", "end-2")),
                    "russia alerts from their story's second outlet on: not a2, a5 or end-1");
            ConsumerRecord<String, String> first = station.get(0);
            assertEquals("s-1", first.key());
            assertEquals("dev.newsmon.alert.story", header(first, "ce_type"));
            assertEquals("1.0", header(first, "ce_specversion"));
            assertEquals("/newsmon/subscribers/newsmon-subscribers/station", header(first, "ce_source"));
            assertEquals("Headline a1", Json.mapper().readTree(first.value()).get("title").asText());

            assertEquals(0, cli("add", write("late.yaml", """
                    name: late
                    filter:
                      tags_any: [russia]
                    """)));
            await("the running app has the new subscription").atMost(Duration.ofSeconds(1))
                    .until(() -> subscriptions(app).get("late") != null);
            send(alerts, alert("s-4", "b1", Alert.Kind.STORY, "Tidewater Gazette", RUSSIA));
            assertEquals(List.of("b1"), ids(readUntil("late", "b1")), "the next alert after the add");

            assertEquals(0, cli("remove", "late"));
            assertEquals(Main.USAGE, cli("remove", "late"), "no such subscription any more");
            await("the running app drops the subscription").atMost(Duration.ofSeconds(1))
                    .until(() -> subscriptions(app).get("late") == null);
            send(alerts, alert("s-5", "b2", Alert.Kind.STORY, "Tidewater Gazette", List.of("russia",
                    "space-station")));
            assertEquals(List.of("a1", "a2", "end-1", "end-2", "b2"), ids(readUntil("station", "b2")));
            List<ConsumerRecord<String, String>> late = readAll("late");
            assertEquals(List.of("b1"), ids(late), "a removed subscription's topic gets nothing more");
        }
    }

    private static String write(String name, String yaml) throws Exception {
        return Files.writeString(dir.resolve(name), yaml).toString();
    }

    /** Runs a command that must succeed; fails with what it printed on stderr otherwise. */
    private static int cli(String... args) {
        StringWriter err = new StringWriter();
        int code = cli(err, args);
        if (code != 0 && !err.toString().isEmpty()) {
            System.err.println("newsmon subscriptions " + List.of(args) + " exit " + code + ": " + err);
        }
        return code;
    }

    private static int cli(StringWriter err, String... args) {
        picocli.CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("subscriptions"));
        all.addAll(List.of(args));
        all.addAll(List.of("--bootstrap-servers", BROKER.bootstrapServers(), "--set", "topics.partitions=1"));
        return cli.execute(all.toArray(String[]::new));
    }

    private static ReadOnlyKeyValueStore<String, ValueAndTimestamp<Subscription>> subscriptions(SubscriberService app) {
        return app.streams().store(StoreQueryParameters.fromNameAndType(SubscriberNames.SUBSCRIPTIONS_STORE,
                QueryableStoreTypes.timestampedKeyValueStore()));
    }

    private static Alert alert(String story, String item, Alert.Kind kind, String outlet, List<String> tags) {
        return new Alert(Alert.SCHEMA_VERSION, kind, story, item, "https://news.example/" + item, "Headline " + item,
                outlet, "https://news.example/feed", T0, T0, T0, tags, Map.of(), kind == Alert.Kind.COPY ? 0.8 : null,
                kind == Alert.Kind.COPY ? "x" : null, "it", Map.of(), null, null);
    }

    private static void send(KafkaProducer<String, Alert> producer, Alert alert) throws Exception {
        producer.send(new ProducerRecord<>(Topics.ALERTS, alert.storyId(), alert)).get();
    }

    /** Every record of a subscription's topic from its start up to the one of item {@code last}. */
    private static List<ConsumerRecord<String, String>> readUntil(String subscription, String last) {
        try (TopicReader<String, String> reader = reader(subscription)) {
            return reader.until(await("alert " + last + " on " + Topics.subscriptionAlerts(subscription))
                    .atMost(DEADLINE), records -> ids(records).contains(last));
        }
    }

    /** Every record of a subscription's topic as it stands, read up to its end offset at the time of the call. */
    private static List<ConsumerRecord<String, String>> readAll(String subscription) {
        try (TopicReader<String, String> reader = reader(subscription)) {
            return reader.toEnd(DEADLINE);
        }
    }

    private static TopicReader<String, String> reader(String subscription) {
        return TopicReader.strings(BROKER.bootstrapServers(), Topics.subscriptionAlerts(subscription));
    }

    private static List<String> ids(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> header(r, "ce_id")).toList();
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
