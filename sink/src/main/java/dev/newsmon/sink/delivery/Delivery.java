package dev.newsmon.sink.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

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
        Failure last = null;
        for (int n = 1; n <= policy.maxAttempts(); n++) {
            if (n > 1) {
                sleep(policy.backoffAfter(n - 1), key);
            }
            Outcome outcome;
            try {
                outcome = attempt.attempt();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while delivering key=" + key + " to " + receiver, e);
            }
            if (outcome.status() == Outcome.Status.DELIVERED) {
                return null;
            }
            last = new Failure(outcome.reason(), n);
            boolean retry = outcome.status() == Outcome.Status.RETRY;
            LOG.warn("{} failed for key={} attempt={}/{}: {}{}", receiver, key, n, policy.maxAttempts(),
                    outcome.reason(), retry ? "" : "; not retried");
            if (!retry) {
                return last;
            }
        }
        return last;
    }

    private void sleep(java.time.Duration d, String key) throws IOException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during the backoff of key=" + key + " to " + receiver, e);
        }
    }
}
