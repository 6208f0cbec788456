package dev.newsmon.ingest.feedlist;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One feed to poll.
 *
 * @param url  absolute http(s) or file: URL of the feed
 * @param name human name of the outlet; its items carry it as their outlet
 */
public record FeedSource(String url, String name) {
    public FeedSource {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(name, "name");
    }

    /**
     * A source for one URL or path given on its own (a command-line argument): a path is resolved against the
     * working directory and the name defaults as in a feed list.
     */
    public static FeedSource of(String urlOrPath) throws FeedListException {
        String url = FeedLocations.resolve(urlOrPath, Path.of(""));
        return new FeedSource(url, FeedLocations.defaultName(url));
    }
}
