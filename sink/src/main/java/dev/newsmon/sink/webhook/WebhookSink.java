package dev.newsmon.sink.webhook;

import dev.newsmon.common.Topics;
import dev.newsmon.common.json.Json;
import dev.newsmon.common.kafka.DeadLetters;
import dev.newsmon.common.model.Alert;
import dev.newsmon.sink.AlertSink;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
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
    private final Producer<byte[], byte[]> deadLetters;
    private final List<Alert> gathered = new ArrayList<>();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong filtered = new AtomicLong();

    public WebhookSink(WebhookSettings settings, HttpClient http, Producer<byte[], byte[]> deadLetters) {
        this.settings = settings;
        this.http = http;
        this.deadLetters = deadLetters;
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
            Failure failure = deliver(m);
            if (failure == null) {
                delivered.addAndGet(m.alerts().size());
            } else {
                deadLetter(m, failure);
            }
        }
        gathered.clear();
    }

    /** Null when delivered; else why the last attempt failed. */
    private Failure deliver(WebhookMessage m) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "newsmon-webhook/1")
                .header(EVENT_HEADER, m.event())
                .header(IDEMPOTENCY_HEADER, m.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(m.body()));
        settings.secret().ifPresent(s -> request.header(Signature.HEADER, Signature.sign(s, m.body())));
        Failure last = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            if (attempt > 1) {
                sleep(settings.backoffAfter(attempt - 1));
            }
            try {
                HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
                int status = response.statusCode();
                if (status / 100 == 2) {
                    return null;
                }
                last = new Failure("HTTP " + status, attempt);
                boolean retryable = status == 408 || status == 429 || status / 100 == 5;
                LOG.warn("webhook host={} answered status={} to key={} attempt={}/{}{}", settings.url().getHost(),
                        status, m.idempotencyKey(), attempt, settings.maxAttempts(), retryable ? "" : "; not retried");
                if (!retryable) {
                    return last;
                }
            } catch (IOException e) {
                last = new Failure(e.toString(), attempt);
                LOG.warn("webhook host={} failed for key={} attempt={}/{}: {}", settings.url().getHost(),
                        m.idempotencyKey(), attempt, settings.maxAttempts(), e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while calling the webhook for key=" + m.idempotencyKey(), e);
            }
        }
        return last;
    }

    private static void sleep(Duration d) throws IOException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during webhook backoff", e);
        }
    }

    private void deadLetter(WebhookMessage m, Failure failure) throws IOException {
        for (Alert a : m.alerts()) {
            Headers headers = new RecordHeaders();
            put(headers, "service", "sink");
            put(headers, "sink", name());
            put(headers, "attempts", Integer.toString(failure.attempts()));
            put(headers, "message", failure.reason());
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.DLQ_WEBHOOK, null,
                    a.storyId().getBytes(StandardCharsets.UTF_8), Json.mapper().writeValueAsBytes(a), headers);
            try {
                deadLetters.send(record).get();
            } catch (ExecutionException e) {
                throw new IOException("cannot dead-letter item_id=" + a.itemId() + " to " + Topics.DLQ_WEBHOOK, e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while dead-lettering item_id=" + a.itemId(), e);
            }
            deadLettered.incrementAndGet();
            LOG.error("webhook gave up on item_id={} story_id={} after attempts={} ({}); sent to {}", a.itemId(),
                    a.storyId(), failure.attempts(), failure.reason(), Topics.DLQ_WEBHOOK);
        }
    }

    private static void put(Headers headers, String name, String value) {
        headers.add(DeadLetters.PREFIX + name, value.getBytes(StandardCharsets.UTF_8));
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

    private record Failure(String reason, int attempts) {
    }
}
