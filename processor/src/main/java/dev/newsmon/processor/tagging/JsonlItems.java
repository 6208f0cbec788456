package dev.newsmon.processor.tagging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.newsmon.common.json.Json;
import dev.newsmon.common.model.FeedItem;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads an archive of items, one {@link FeedItem} JSON per line (what {@code news.items} holds), as a stream. */
public final class JsonlItems {
    private static final ObjectReader READER = Json.mapper().readerFor(FeedItem.class);

    /** Receives items one at a time, so an archive of any size is never held in memory. */
    @FunctionalInterface
    public interface ItemConsumer {
        void accept(FeedItem item) throws IOException;
    }

    private JsonlItems() {
    }

    /** @throws IOException when the file cannot be read or a line is not an item (the message names the line) */
    public static void read(Path file, ItemConsumer consumer) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                FeedItem item;
                try {
                    item = READER.readValue(line);
                } catch (JsonProcessingException e) {
                    throw new IOException(file + ":" + n + ": not an item: " + e.getMessage(), e);
                }
                consumer.accept(item);
            }
        }
    }
}
