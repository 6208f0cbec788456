package dev.newsmon.sink.delivery;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one way newsmon hands a message to a receiver (a webhook, a chat, an SMTP server): attempts under a
 * {@link RetryPolicy}, with its backoff between them, until one delivers, the receiver refuses, or the attempts
 * run out. What it could not deliver the caller sends to its dead-letter topic ({@link DeadLetterTopic}).
 */
public final class Delivery {
    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

    private final String receiver;
    private final RetryPolicy policy;

    /** @param receiver names the receiver in the log: webhook, slack, ntfy, email */
    public Delivery(String receiver, RetryPolicy policy) {
        this.receiver = receiver;
        this.policy = policy;
    }

    /** One try at delivering a message. */
    public interface Attempt {
        Outcome attempt() throws InterruptedException;
    }

    /** Why a message was not delivered, and after how many attempts. */
    public record Failure(String reason, int attempts) {
    }

    /**
     * @param key names the message in the log (an idempotency key or message id)
     * @return null when delivered, else the last failure
     * @throws IOException when interrupted, so that the caller reads the message again rather than dropping it
     */
    public Failure deliver(String key, Attempt attempt) throws IOException {
        // Only a RETRY outcome is tried again; an exception out of an attempt ends the delivery as it is.
        dev.failsafe.RetryPolicy<Outcome> retries = policy.<Outcome>failsafe()
                .handleIf((outcome, thrown) -> thrown == null && outcome.status() == Outcome.Status.RETRY)
                .onFailedAttempt(e -> LOG.warn("{} failed for key={} attempt={}/{}: {}", receiver, key,
                        e.getAttemptCount(), policy.maxAttempts(), e.getLastResult().reason()))
                .build();
        AtomicInteger attempts = new AtomicInteger();
        Outcome last;
        try {
            last = Failsafe.with(retries).get(() -> {
                attempts.incrementAndGet();
                return attempt.attempt();
            });
        } catch (FailsafeException e) {
            if (e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while delivering key=" + key + " to " + receiver, e.getCause());
            }
            throw e;
        }
        if (last.status() == Outcome.Status.DELIVERED) {
            return null;
        }
        if (last.status() == Outcome.Status.REFUSED) {
            LOG.warn("{} failed for key={} attempt={}/{}: {}; not retried", receiver, key, attempts.get(),
                    policy.maxAttempts(), last.reason());
        }
        return new Failure(last.reason(), attempts.get());
    }
}
