package dev.newsmon.ingest.feedlist;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One feed to poll.
 *
 * <p>{@code url} is the feed's stable key: the URL as first listed. It names the feed in item ids, in
 * {@code news.feed-status} and in {@code news.feeds}, and it stays the same when a 301/308 moves the feed: the new
 * location is kept as the feed's fetch URL beside it, so the ids of its items do not change.
 *
 * @param url      absolute http(s) or file: URL of the feed, as listed
 * @param name     human name of the outlet, or null to take the feed's own title (what feed readers show)
 * @param headers  extra request headers for this feed (a {@code User-Agent} here replaces the default one)
 * @param interval this feed's own poll interval, or null for {@code ingest.poll.interval}; ISO-8601 in JSON
 */
public record FeedSource(String url, String name, Map<String, String> headers,
                         @JsonFormat(shape = JsonFormat.Shape.STRING) Duration interval) {
    public FeedSource {
        Objects.requireNonNull(url, "url");
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public FeedSource(String url, String name) {
        this(url, name, Map.of(), null);
    }

    /**
     * A source for one URL or path given on its own (a command-line argument): a path is resolved against the
     * working directory and the outlet is named by the feed itself.
     */
    public static FeedSource of(String urlOrPath) throws FeedListException {
        return new FeedSource(FeedLocations.resolve(urlOrPath, Path.of("")), null);
    }

    /** The outlet name its items carry: the listed name, else the feed's title, else the host or file name. */
    public String outlet(String feedTitle) {
        if (name != null && !name.isBlank()) {
            return name.strip();
        }
        if (feedTitle != null && !feedTitle.isBlank()) {
            return feedTitle.strip();
        }
        return FeedLocations.defaultName(url);
    }
}
