package dev.newsmon.app.cli;

import dev.newsmon.ingest.FeedReader;
import dev.newsmon.ingest.feedlist.FeedListException;
import dev.newsmon.ingest.feedlist.FeedSource;
import dev.newsmon.ingest.fetch.FetchException;
import dev.newsmon.ingest.parse.FeedParseException;
import dev.newsmon.processor.tagging.JsonlItems;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Archived items for a backtest: a JSON-lines file of items (what {@code news.items} holds), one feed file, or a
 * folder of feed files. Feeds go through ingest's own {@link FeedReader}, so they become the same items the
 * processor would see.
 */
final class ArchiveItems {
    private final FeedReader feeds;
    private final PrintStream warnings;

    /** @param warnings where a file of a folder that is not a feed is reported (and skipped) */
    ArchiveItems(FeedReader feeds, PrintStream warnings) {
        this.feeds = feeds;
        this.warnings = warnings;
    }

    /** @throws IOException when a file cannot be read or is neither items nor a feed; the message names it */
    void read(Path path, JsonlItems.ItemConsumer consumer) throws IOException {
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> listing = Files.list(path)) {
                files = listing.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                        .sorted().toList();
            }
            // A folder of an archive also holds notes and lists: skip what is not a feed, and say so.
            for (Path file : files) {
                try {
                    readFeed(file, consumer);
                } catch (NotAFeedException e) {
                    warnings.println("newsmon: skipped " + e.getMessage());
                }
            }
        } else if (isJsonLines(path)) {
            JsonlItems.read(path, consumer);
        } else {
            readFeed(path, consumer);
        }
    }

    private void readFeed(Path file, JsonlItems.ItemConsumer consumer) throws IOException {
        try {
            for (var item : feeds.read(FeedSource.of(file.toString()))) {
                consumer.accept(item);
            }
        } catch (FetchException | FeedParseException | FeedListException e) {
            throw new NotAFeedException(file + ": not a feed: " + e.getMessage(), e);
        }
    }

    private static final class NotAFeedException extends IOException {
        NotAFeedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** An archive of items starts with a JSON object; a feed starts with XML. */
    private static boolean isJsonLines(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file)) {
            int c;
            while ((c = in.read()) != -1) {
                if (!Character.isWhitespace(c) && c != '\uFEFF') {
                    return c == '{';
                }
            }
            return true;
        }
    }
}
