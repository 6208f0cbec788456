package dev.newsmon.processor.subscribe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.json.Json;
import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.model.Alert;
import dev.newsmon.common.subscription.Subscription;
import dev.newsmon.common.subscription.SubscriptionsTopic;
import dev.newsmon.processor.TopologyDrivers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The subscriber topology on a test driver, with helpers to feed it subscriptions and alerts. */
final class SubscriberDrivers implements AutoCloseable {
    final TopologyTestDriver driver;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final SubscriberStats stats = new SubscriberStats(registry);
    private final TestInputTopic<String, Subscription> subscriptions;
    private final TestInputTopic<String, Alert> alerts;

    SubscriberDrivers(Path dir, Map<String, String> overrides) {
        NewsmonConfig config = TopologyDrivers.config(dir, overrides);
        Properties props = SubscriberTopology.streamsProperties(config);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        driver = new TopologyTestDriver(SubscriberTopology.buildTopology(config, stats), props);
        subscriptions = driver.createInputTopic(Topics.SUBSCRIPTIONS, new StringSerializer(),
                SubscriptionsTopic.SERDE.serializer());
        alerts = driver.createInputTopic(Topics.ALERTS, new StringSerializer(), JsonSerde.of(Alert.class).serializer());
    }

    void subscribe(Subscription s) {
        subscriptions.pipeInput(s.name(), s);
    }

    void unsubscribe(String name) {
        subscriptions.pipeInput(name, null);
    }

    void alert(Alert a) {
        alert(a, a.alerted());
    }

    /** An alert written at another time than the one it states. */
    void alert(Alert a, Instant recordTime) {
        alerts.pipeInput(a.storyId(), a, recordTime);
    }

    /** Every record written to a subscription's topic so far, as JSON, with its headers read by name. */
    List<Out> topic(String subscription) {
        TestOutputTopic<String, byte[]> out = driver.createOutputTopic(Topics.subscriptionAlerts(subscription),
                new StringDeserializer(), new ByteArrayDeserializer());
        return out.readRecordsToList().stream().map(r -> new Out(r.key(), read(r.value()),
                header(r.headers(), "ce_type"), header(r.headers(), "ce_id"), header(r.headers(), "ce_source"))).toList();
    }

    static Alert alert(String story, String item, Alert.Kind kind, String outlet, List<String> tags, String title,
                       Instant alerted) {
        return alert(story, item, kind, outlet, tags, title, null, alerted);
    }

    /** An alert with its item's text, as the processor writes it; null for one written before alerts carried it. */
    static Alert alert(String story, String item, Alert.Kind kind, String outlet, List<String> tags, String title,
                       String text, Instant alerted) {
        return new Alert(Alert.SCHEMA_VERSION, kind, story, item, "https://" + outlet.replace(' ', '-').toLowerCase()
                + ".example/" + item, title, outlet, "https://feeds.example/" + item, alerted, alerted, alerted, tags,
                Map.of(), kind == Alert.Kind.COPY ? 0.9 : null, kind == Alert.Kind.COPY ? "first" : null, "test",
                Map.of(), null, text);
    }

    private static JsonNode read(byte[] value) {
        try {
            return Json.mapper().readTree(value);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON on a subscription topic", e);
        }
    }

    private static String header(org.apache.kafka.common.header.Headers h, String name) {
        org.apache.kafka.common.header.Header last = h.lastHeader(name);
        return last == null ? null : new String(last.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    record Out(String key, JsonNode body, String ceType, String ceId, String ceSource) {
    }

    @Override
    public void close() {
        driver.close();
    }
}
