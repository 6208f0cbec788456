package dev.newsmon.ingest.feedlist;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One feed to poll.
 *
 * @param url  absolute http(s) or file: URL of the feed
 * @param name human name of the outlet, or null to take the feed's own title (what feed readers show)
 */
public record FeedSource(String url, String name) {
    public FeedSource {
        Objects.requireNonNull(url, "url");
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
