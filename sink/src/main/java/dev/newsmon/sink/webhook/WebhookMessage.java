package dev.newsmon.sink.webhook;

import dev.newsmon.common.model.Alert;

import java.util.List;

/**
 * One call to the webhook: its body, the idempotency key a receiver de-duplicates on, and the alerts it carries
 * (what goes to the dead-letter topic if it cannot be delivered).
 *
 * @param event          {@code story}, {@code copy}, or {@code update} for several copies folded into one
 * @param idempotencyKey the item id of a single alert; for an update, {@code update-} and the last copy's item id
 */
public record WebhookMessage(String event, String idempotencyKey, byte[] body, List<Alert> alerts) {
    public WebhookMessage {
        alerts = List.copyOf(alerts);
    }
}
