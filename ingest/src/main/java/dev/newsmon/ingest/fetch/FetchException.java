package dev.newsmon.ingest.fetch;

/** A feed that could not be fetched. The message is one line naming the URL and the reason. */
public final class FetchException extends Exception {
    private final String url;
    private final int status;

    public FetchException(String url, String reason) {
        this(url, reason, 0, null);
    }

    public FetchException(String url, String reason, Throwable cause) {
        this(url, reason, 0, cause);
    }

    public FetchException(String url, String reason, int status, Throwable cause) {
        super("cannot fetch " + url + ": " + reason, cause);
        this.url = url;
        this.status = status;
    }

    public String url() {
        return url;
    }

    /** The HTTP status that made the fetch fail, or 0 when there was no usable response. */
    public int status() {
        return status;
    }
}
