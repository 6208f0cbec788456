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

/**
 * Expected tags by item URL, read from JSON lines {@code {"url": ..., "tags": [...], "category": ..., "story":
 * ...}}; an empty list is a label too. The optional category says why the item has its label (a passing mention, a
 * mixed crew), so that errors can be counted by kind; the optional story groups an article with its copies, so that
 * an interval can resample whole stories ({@link StoryBootstrap}).
 */
public final class Labels {
    /** The category of a label that names none. */
    public static final String UNCATEGORISED = "-";

    private final Map<String, Label> byUrl;
    private final boolean hasStories;

    /** @param story the label's story, null when it names none */
    private record Label(Set<String> tags, String category, String story) {
    }

    private Labels(Map<String, Label> byUrl) {
        this.byUrl = Map.copyOf(byUrl);
        this.hasStories = byUrl.values().stream().anyMatch(l -> l.story() != null);
    }

    public static Labels of(Map<String, Set<String>> byUrl) {
        Map<String, Label> copy = new HashMap<>();
        byUrl.forEach((url, tags) -> copy.put(url, new Label(Set.copyOf(tags), UNCATEGORISED, null)));
        return new Labels(copy);
    }

    /** @throws IOException when the file cannot be read, or a line is not a label (the message names the line) */
    public static Labels read(Path file) throws IOException {
        Map<String, Label> byUrl = new HashMap<>();
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
                JsonNode category = node.get("category");
                String why = category == null || category.isNull() || category.asText().isBlank()
                        ? UNCATEGORISED : category.asText();
                JsonNode story = node.get("story");
                String group = story == null || story.isNull() || story.asText().isBlank() ? null : story.asText();
                if (byUrl.put(url.asText(), new Label(Set.copyOf(set), why, group)) != null) {
                    throw new IOException(file + ":" + n + ": second label for url " + url.asText());
                }
            }
        }
        return new Labels(byUrl);
    }

    /** The expected tags of the item at this URL, or empty when it is not labelled. */
    public Optional<Set<String>> expected(String url) {
        return url == null ? Optional.empty() : Optional.ofNullable(byUrl.get(url)).map(Label::tags);
    }

    /** The category of the item's label; {@link #UNCATEGORISED} when it has none or is not labelled. */
    public String category(String url) {
        Label label = url == null ? null : byUrl.get(url);
        return label == null ? UNCATEGORISED : label.category();
    }

    /** The story of the item's label; empty when it names none or the item is not labelled. */
    public Optional<String> story(String url) {
        return url == null ? Optional.empty() : Optional.ofNullable(byUrl.get(url)).map(Label::story);
    }

    /** Whether some label names its story. */
    public boolean hasStories() {
        return hasStories;
    }

    /** Every tag some label names. */
    public Set<String> tags() {
        Set<String> all = new TreeSet<>();
        byUrl.values().forEach(l -> all.addAll(l.tags()));
        return all;
    }

    public int size() {
        return byUrl.size();
    }
}
