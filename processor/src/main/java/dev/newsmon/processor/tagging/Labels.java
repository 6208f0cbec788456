package dev.newsmon.processor.tagging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.common.json.Json;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Expected tags by item URL, read from JSON lines {@code {"url": ..., "tags": [...]}}; an empty list is a label too. */
public final class Labels {
    private final Map<String, Set<String>> byUrl;

    private Labels(Map<String, Set<String>> byUrl) {
        this.byUrl = Map.copyOf(byUrl);
    }

    public static Labels of(Map<String, Set<String>> byUrl) {
        Map<String, Set<String>> copy = new HashMap<>();
        byUrl.forEach((url, tags) -> copy.put(url, Set.copyOf(tags)));
        return new Labels(copy);
    }

    /** @throws IOException when the file cannot be read, or a line is not a label (the message names the line) */
    public static Labels read(Path file) throws IOException {
        Map<String, Set<String>> byUrl = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = Json.mapper().readTree(line);
                JsonNode url = node.get("url");
                JsonNode tags = node.get("tags");
                if (url == null || !url.isTextual() || tags == null || !tags.isArray()) {
                    throw new IOException(file + ":" + n + ": a label needs a string 'url' and a list 'tags'");
                }
                Set<String> set = new TreeSet<>();
                tags.forEach(t -> set.add(t.asText()));
                if (byUrl.put(url.asText(), Set.copyOf(set)) != null) {
                    throw new IOException(file + ":" + n + ": second label for url " + url.asText());
                }
            }
        }
        return new Labels(byUrl);
    }

    /** The expected tags of the item at this URL, or empty when it is not labelled. */
    public Optional<Set<String>> expected(String url) {
        return url == null ? Optional.empty() : Optional.ofNullable(byUrl.get(url));
    }

    /** Every tag some label names. */
    public Set<String> tags() {
        Set<String> all = new TreeSet<>();
        byUrl.values().forEach(all::addAll);
        return all;
    }

    public int size() {
        return byUrl.size();
    }
}
