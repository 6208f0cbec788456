package dev.newsmon.sink.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failsafe.Failsafe;
import dev.newsmon.common.Topics;
import dev.newsmon.common.json.Json;
import dev.newsmon.common.kafka.DeadLetters;
import dev.newsmon.common.model.Alert;
import dev.newsmon.sink.TestAlerts;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSinkTest {
    private static final String SECRET = "test-only-hmac-key";

    private final MockProducer<byte[], byte[]> dlq =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final MockWebServer server = new MockWebServer();

    record Received(int status, byte[] body, String signature, String key, String event) {
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void threeFailuresThenSuccessDeliverTheAlertOnceSignedAndLoseNothing() throws Exception {
        WebhookSink sink = sink(serve(n -> n <= 3 ? 500 : 200), 5, WebhookSettings.Format.JSON, 0, List.of());
        Alert story = TestAlerts.alert("s-1", "i-1", Alert.Kind.STORY);
        sink.write(story);
        sink.commit();

        assertEquals(List.of(500, 500, 500, 200), received.stream().map(Received::status).toList());
        Received accepted = received.get(3);
        assertTrue(Signature.verify(SECRET, accepted.body(), accepted.signature()), accepted.signature());
        assertEquals("i-1", accepted.key(), "the idempotency key is the item id, the same on every attempt");
        assertTrue(received.stream().allMatch(r -> r.key().equals("i-1")));
        assertEquals(story, Json.mapper().readValue(accepted.body(), Alert.class));
        assertEquals(1, sink.delivered());
        assertTrue(dlq.history().isEmpty(), "nothing dead-lettered");
    }

    @Test
    void aServerThatAlwaysFailsSendsTheAlertToTheDeadLetterTopic() throws Exception {
        WebhookSink sink = sink(serve(n -> 503), 3, WebhookSettings.Format.JSON, 0, List.of());
        Alert story = TestAlerts.alert("s-2", "i-2", Alert.Kind.STORY);
        sink.write(story);
        sink.commit();

        assertEquals(3, received.size(), "every attempt was made");
        assertEquals(1, dlq.history().size());
        ProducerRecord<byte[], byte[]> dead = dlq.history().get(0);
        assertEquals(Topics.DLQ_WEBHOOK, dead.topic());
        assertEquals(story, Json.mapper().readValue(dead.value(), Alert.class));
        assertEquals("3", header(dead, "attempts"));
        assertEquals("HTTP 503", header(dead, "message"));
        assertEquals("webhook", header(dead, "sink"));
    }

    @Test
    void aRefusalIsNotRetriedButDeadLettered() throws Exception {
        WebhookSink sink = sink(serve(n -> 400), 5, WebhookSettings.Format.JSON, 0, List.of());
        sink.write(TestAlerts.alert("s-3", "i-3", Alert.Kind.STORY));
        sink.commit();
        assertEquals(1, received.size());
        assertEquals(1, dlq.history().size());
    }

    @Test
    void copiesOfOneStoryGatheredTogetherAreFoldedIntoOneSlackUpdate() throws Exception {
        WebhookSink sink = sink(serve(n -> 200), 1, WebhookSettings.Format.SLACK, 0, List.of());
        sink.write(TestAlerts.alert("s-4", "i-40", Alert.Kind.STORY));
        sink.write(TestAlerts.alert("s-4", "i-41", Alert.Kind.COPY));
        sink.write(TestAlerts.alert("s-4", "i-42", Alert.Kind.COPY));
        sink.write(TestAlerts.alert("s-4", "i-43", Alert.Kind.COPY));
        sink.commit();

        assertEquals(List.of("story", "update"), received.stream().map(Received::event).toList());
        JsonNode update = Json.mapper().readTree(received.get(1).body());
        assertTrue(update.get("text").asText().startsWith("+3 copies of <https://harborcitypost.example/a|Station news>"),
                update.toString());
        assertEquals("update-i-43", received.get(1).key());
        assertEquals(4, sink.delivered());
    }

    @Test
    void minimumPriorityAndTagFilterDropAlertsBeforeAnyCall() throws Exception {
        URI url = serve(n -> 200);
        WebhookSink byPriority = sink(url, 1, WebhookSettings.Format.JSON, 3, List.of());
        byPriority.write(TestAlerts.alert("s-5", "i-5", Alert.Kind.STORY)); // space-station has priority 2 here
        byPriority.commit();
        WebhookSink byTag = sink(url, 1, WebhookSettings.Format.JSON, 0, List.of("russia-us-cooperation"));
        byTag.write(TestAlerts.alert("s-6", "i-6", Alert.Kind.STORY));
        byTag.commit();

        assertTrue(received.isEmpty());
        assertEquals(1, byPriority.filtered());
        assertEquals(1, byTag.filtered());
    }

    @Test
    void backoffDoublesUpToItsCap() {
        WebhookSettings s = settings(URI.create("http://127.0.0.1:1/"), 6, WebhookSettings.Format.JSON, 0, List.of(),
                Duration.ofMillis(10), Duration.ofMillis(50));
        List<Long> waits = new ArrayList<>();
        Failsafe.with(s.retry().<Boolean>failsafe().handleResult(false)
                .onRetryScheduled(e -> waits.add(e.getDelay().toMillis())).build()).get(() -> false);
        assertEquals(List.of(10L, 20L, 40L, 50L, 50L), waits);
    }

    private WebhookSink sink(URI url, int attempts, WebhookSettings.Format format, int minPriority,
                             List<String> tags) {
        return new WebhookSink(settings(url, attempts, format, minPriority, tags, Duration.ofMillis(5),
                Duration.ofMillis(20)), HttpClient.newHttpClient(), dlq);
    }

    private static WebhookSettings settings(URI url, int attempts, WebhookSettings.Format format, int minPriority,
                                            List<String> tags, Duration backoff, Duration cap) {
        return new WebhookSettings(url, Optional.of(SECRET), format, attempts, backoff, cap, Duration.ofSeconds(5),
                minPriority, tags, new TagPriorities(Map.of("space-station", 2)));
    }

    /** A receiver answering the n-th call (from 1) with {@code status.applyAsInt(n)}. */
    private URI serve(IntUnaryOperator status) throws IOException {
        AtomicInteger calls = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                int code = status.applyAsInt(calls.incrementAndGet());
                received.add(new Received(code, request.getBody().toByteArray(),
                        request.getHeaders().get(Signature.HEADER),
                        request.getHeaders().get(WebhookSink.IDEMPOTENCY_HEADER),
                        request.getHeaders().get(WebhookSink.EVENT_HEADER)));
                return new MockResponse.Builder().code(code).build();
            }
        });
        server.start();
        return server.url("/hook").uri();
    }

    private static String header(ProducerRecord<byte[], byte[]> r, String name) {
        return new String(r.headers().lastHeader(DeadLetters.PREFIX + name).value(), StandardCharsets.UTF_8);
    }
}
