package dev.newsmon.common.subscription;

/** A subscription that cannot be used; the message names the subscription and the field. */
public class SubscriptionException extends Exception {
    public SubscriptionException(String message) {
        super(message);
    }

    public SubscriptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
