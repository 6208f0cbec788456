package dev.newsmon.processor.tagging;

/** A rules file that cannot be used; the message says where and why. */
public class RulesException extends Exception {
    public RulesException(String message) {
        super(message);
    }

    public RulesException(String message, Throwable cause) {
        super(message, cause);
    }
}
