package dev.newsmon.sink.http;

import java.util.Locale;

/**
 * Puts a feed's failure in words an operator acts on, from the HTTP status and the error line ingest recorded
 * (e.g. {@code cannot fetch https://x.example/rss: timed out after PT20S}).
 */
final class FeedProblems {
    private FeedProblems() {
    }

    /** What went wrong with the latest poll; {@code httpStatus} 0 means no HTTP answer. */
    static String describe(int httpStatus, String error) {
        if (httpStatus >= 400) {
            return byStatus(httpStatus);
        }
        String e = error == null ? "" : error.toLowerCase(Locale.ROOT);
        if (e.startsWith("cannot parse feed")) {
            return "Not a readable feed: " + cause(error) + ".";
        }
        if (e.contains("timed out")) {
            return "No answer in time: the server did not respond before the timeout.";
        }
        if (e.contains("unresolved") || e.contains("unknownhost") || e.contains("name or service not known")) {
            return "Unknown host: the feed's host name does not resolve.";
        }
        if (e.contains("connection refused") || e.contains("connectexception")) {
            return "Connection refused: nothing answers at the feed's address.";
        }
        if (e.contains("body exceeds")) {
            return "Too large: the feed is bigger than ingest.http.max.body allows.";
        }
        if (e.contains("redirects")) {
            return "Redirect loop: the server sends newsmon around in circles.";
        }
        if (e.contains("cannot publish items")) {
            return "Kafka refused the items: they are published again at the next poll.";
        }
        return error == null || error.isBlank() ? "Failed, without a reason recorded." : "Failed: " + cause(error) + ".";
    }

    private static String byStatus(int status) {
        return switch (status) {
            case 401, 403 -> "Refused (HTTP " + status + "): the server does not let newsmon read this feed.";
            case 404 -> "Not found (HTTP 404): nothing is at this address any more.";
            case 410 -> "Gone (HTTP 410): the outlet removed this feed; it is not polled until it is listed again.";
            case 429 -> "Rate limited (HTTP 429): the server asked newsmon to slow down.";
            case 503 -> "Unavailable (HTTP 503): the server is down or overloaded for now.";
            default -> status >= 500 ? "Server error (HTTP " + status + "): the outlet's server failed."
                    : "Rejected (HTTP " + status + "): the server would not serve the feed.";
        };
    }

    /** The reason after the URL in {@code cannot fetch URL: reason}, without the URL an operator already sees. */
    private static String cause(String error) {
        int colon = error.indexOf(": ", error.indexOf("://") + 3);
        String c = colon < 0 ? error : error.substring(colon + 2);
        return c.endsWith(".") ? c.substring(0, c.length() - 1) : c;
    }
}
