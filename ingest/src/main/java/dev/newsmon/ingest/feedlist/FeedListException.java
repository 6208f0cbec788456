package dev.newsmon.ingest.feedlist;

/** A feed list that cannot be read or that holds an unusable entry; the message names the file and the entry. */
public final class FeedListException extends Exception {
    public FeedListException(String message) {
        super(message);
    }

    public FeedListException(String message, Throwable cause) {
        super(message, cause);
    }
}
