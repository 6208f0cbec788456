package dev.newsmon.sink.delivery;

/**
 * What one attempt to deliver a message came to.
 *
 * @param status what happened
 * @param reason why it failed, for the log and the dead letter; null when delivered
 */
public record Outcome(Status status, String reason) {
    public enum Status {
        /** The receiver has it. */
        DELIVERED,
        /** It may work later: a network error, a timeout, a busy or failing receiver. */
        RETRY,
        /** It never will: the receiver refused this message. */
        REFUSED
    }

    private static final Outcome DELIVERED_ONCE = new Outcome(Status.DELIVERED, null);

    public static Outcome delivered() {
        return DELIVERED_ONCE;
    }

    public static Outcome retry(String reason) {
        return new Outcome(Status.RETRY, reason);
    }

    public static Outcome refused(String reason) {
        return new Outcome(Status.REFUSED, reason);
    }
}
