package dev.newsmon.ingest.fetch;

import java.time.Duration;

/** A feed that could not be fetched. The message is one line naming the URL and the reason. */
public final class FetchException extends Exception {
    private final String url;
    private final int status;
    private final transient Duration retryAfter;

    public FetchException(String url, String reason) {
        this(url, reason, 0, null);
    }

    public FetchException(String url, String reason, Throwable cause) {
        this(url, reason, 0, cause);
    }

    public FetchException(String url, String reason, int status, Throwable cause) {
        this(url, reason, status, null, cause);
    }

    public FetchException(String url, String reason, int status, Duration retryAfter, Throwable cause) {
        super("cannot fetch " + url + ": " + reason, cause);
        this.url = url;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public String url() {
        return url;
    }

    /** The HTTP status that made the fetch fail, or 0 when there was no usable response. */
    public int status() {
        return status;
    }

    /** The server's Retry-After on an error status, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
