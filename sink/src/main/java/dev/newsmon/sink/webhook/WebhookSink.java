package dev.newsmon.sink.webhook;

import dev.newsmon.common.Topics;
import dev.newsmon.common.json.Json;
import dev.newsmon.common.model.Alert;
import dev.newsmon.sink.AlertSink;
import dev.newsmon.sink.delivery.DeadLetterTopic;
import dev.newsmon.sink.delivery.Delivery;
import dev.newsmon.sink.delivery.HttpAttempt;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * POSTs alerts to a webhook. Alerts are gathered until the service commits (after its fold window), then sent as
 * {@link WebhookMessages}: each call signed ({@code X-Newsmon-Signature}), carrying an {@code Idempotency-Key},
 * retried with capped exponential backoff on a network error, 408, 429 or 5xx. A call that still fails after the
 * last attempt, or that the receiver refuses (another 4xx), puts its alerts on {@code news.dlq.webhook}; the
 * commit returns only when every alert was delivered or dead-lettered and acknowledged: at-least-once, never a
 * silent drop.
 */
public final class WebhookSink implements AlertSink {
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    public static final String EVENT_HEADER = "X-Newsmon-Event";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSink.class);

    private final WebhookSettings settings;
    private final HttpClient http;
    private final Delivery delivery;
    private final DeadLetterTopic deadLetters;
    private final List<Alert> gathered = new ArrayList<>();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong filtered = new AtomicLong();

    public WebhookSink(WebhookSettings settings, HttpClient http, Producer<byte[], byte[]> deadLetters) {
        this.settings = settings;
        this.http = http;
        this.delivery = new Delivery("webhook " + settings.url().getHost(), settings.retry());
        this.deadLetters = new DeadLetterTopic(Topics.DLQ_WEBHOOK, name(), deadLetters);
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public void write(Alert alert) {
        if (settings.priorities().of(alert) < settings.minPriority()
                || (!settings.tags().isEmpty() && alert.tags().stream().noneMatch(settings.tags()::contains))) {
            filtered.incrementAndGet();
            return;
        }
        gathered.add(alert);
    }

    @Override
    public void commit() throws IOException {
        List<WebhookMessage> messages = WebhookMessages.of(gathered, settings.format());
        for (WebhookMessage m : messages) {
            Delivery.Failure failure = deliver(m);
            if (failure == null) {
                delivered.addAndGet(m.alerts().size());
            } else {
                deadLetter(m, failure);
            }
        }
        gathered.clear();
    }

    /** Null when delivered; else why the last attempt failed. */
    private Delivery.Failure deliver(WebhookMessage m) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "newsmon-webhook/1")
                .header(EVENT_HEADER, m.event())
                .header(IDEMPOTENCY_HEADER, m.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(m.body()));
        settings.secret().ifPresent(s -> request.header(Signature.HEADER, Signature.sign(s, m.body())));
        HttpRequest built = request.build();
        return delivery.deliver(m.idempotencyKey(), () -> HttpAttempt.send(http, built));
    }

    private void deadLetter(WebhookMessage m, Delivery.Failure failure) throws IOException {
        for (Alert a : m.alerts()) {
            deadLetters.write(a.storyId().getBytes(StandardCharsets.UTF_8), Json.mapper().writeValueAsBytes(a),
                    failure, Map.of());
            deadLettered.incrementAndGet();
            LOG.error("webhook gave up on item_id={} story_id={} after attempts={} ({}); sent to {}", a.itemId(),
                    a.storyId(), failure.attempts(), failure.reason(), deadLetters.topic());
        }
    }

    @Override
    public void rollback() {
        gathered.clear();
    }

    @Override
    public void close() {
        gathered.clear();
    }

    public long delivered() {
        return delivered.get();
    }

    public long deadLettered() {
        return deadLettered.get();
    }

    public long filtered() {
        return filtered.get();
    }
}
