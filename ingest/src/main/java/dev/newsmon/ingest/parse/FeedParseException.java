package dev.newsmon.ingest.parse;

/** A body that is not a readable RSS or Atom feed. The message is one line naming the feed and the cause. */
public final class FeedParseException extends Exception {
    private static final int MAX_CAUSE_CHARS = 300;
    private final String feedUrl;

    public FeedParseException(String feedUrl, String cause) {
        this(feedUrl, cause, null);
    }

    public FeedParseException(String feedUrl, String cause, Throwable throwable) {
        super("cannot parse feed " + feedUrl + ": " + oneLine(cause), throwable);
        this.feedUrl = feedUrl;
    }

    public String feedUrl() {
        return feedUrl;
    }

    private static String oneLine(String s) {
        String line = s == null ? "unknown cause" : s.replaceAll("\\s+", " ").strip();
        return line.length() > MAX_CAUSE_CHARS ? line.substring(0, MAX_CAUSE_CHARS) + "..." : line;
    }
}
