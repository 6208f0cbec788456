package dev.newsmon.sink.channel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.common.Topics;
import dev.newsmon.common.json.Json;
import dev.newsmon.common.kafka.DeadLetters;
import dev.newsmon.common.model.Alert;
import dev.newsmon.common.model.MatchedTerm;
import dev.newsmon.common.model.TagMatch;
import dev.newsmon.common.subscription.ChannelSpec;
import dev.newsmon.common.subscription.Subscription;
import dev.newsmon.sink.delivery.RetryPolicy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A channel service of one subscription ("desk", one channel of the type under test) in front of a local HTTP
 * server, with its Kafka clients mocked: what the channel tests drive record by record.
 */
final class ChannelKit implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-03-02T08:30:00Z");

    final MockWebServer server = new MockWebServer();
    final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final ChannelService service;
    private long offset;

    /** @param path the path of the channel's URL on the local server */
    ChannelKit(String type, String path, int attempts) throws IOException {
        server.start(0);
        Subscription desk = new Subscription(0, "desk", null,
                List.of(new ChannelSpec(type, null, "DESK_URL")), null, null, null);
        ChannelContext context = new ChannelContext(HttpClient.newHttpClient(), Duration.ofSeconds(5),
                new ChannelContext.Smtp("", 25, false, "newsmon@localhost", "", ""));
        service = new ChannelService(new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name()), producer,
                name -> name.equals("desk") ? Optional.of(desk) : Optional.empty(), context,
                new RetryPolicy(attempts, Duration.ofMillis(10), Duration.ofMillis(40)),
                Map.of("DESK_URL", server.url(path).toString()), Set.of(), Clock.fixed(T0, ZoneOffset.UTC),
                registry);
    }

    void answer(int... statuses) {
        for (int status : statuses) {
            server.enqueue(new MockResponse.Builder().code(status).build());
        }
    }

    /** Hands the service one alert of news.alerts.desk. */
    void alert(Alert alert) throws IOException {
        service.handle(new ConsumerRecord<>(Topics.subscriptionAlerts("desk"), 0, offset++,
                alert.storyId().getBytes(StandardCharsets.UTF_8), Json.mapper().writeValueAsBytes(alert)));
    }

    RecordedRequest request() throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no request within 5 s");
        }
        return r;
    }

    static JsonNode json(RecordedRequest r) throws IOException {
        return Json.mapper().readTree(r.getBody().utf8());
    }

    List<ProducerRecord<byte[], byte[]>> sentTo(String topic) {
        return producer.history().stream().filter(r -> r.topic().equals(topic)).toList();
    }

    static String header(ProducerRecord<byte[], byte[]> r, String name) {
        return new String(r.headers().lastHeader(DeadLetters.PREFIX + name).value(), StandardCharsets.UTF_8);
    }

    static Alert story(String itemId) {
        return new Alert(Alert.SCHEMA_VERSION, Alert.Kind.STORY, "s-7", itemId, "https://tidewater.example/dock",
                "Cargo ship <docks> at the station", "Tidewater Gazette", "https://tidewater.example/rss", T0, T0, T0,
                List.of("russia", "space-station"),
                Map.of("space-station", List.of(new TagMatch("named-station",
                        List.of(new MatchedTerm("title", "station", 26, 33)))),
                        "russia", List.of(new TagMatch("agency", List.of(new MatchedTerm("text", "Roscosmos", 4, 13))))),
                null, null, "test", Map.of(), null, null);
    }

    @Override
    public void close() {
        server.close();
    }
}
