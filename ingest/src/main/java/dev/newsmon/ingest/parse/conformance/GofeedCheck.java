package dev.newsmon.ingest.parse.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsmon.common.json.Json;
import dev.newsmon.ingest.parse.FeedParseException;
import dev.newsmon.ingest.parse.FeedParser;
import dev.newsmon.ingest.parse.ParsedEntry;
import dev.newsmon.ingest.parse.ParsedFeed;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks one gofeed pair, {@code X.xml} beside {@code X.json} (gofeed's RSS or Atom model). The file passes when it
 * parses, has as many entries as the JSON, and every entry agrees on:
 * <ul>
 *   <li>title: equal after collapsing whitespace; absent on one side only if blank on the other;</li>
 *   <li>link: RSS {@code link}, Atom the {@code href} of the first link with rel "alternate" or no rel; equal
 *       after collapsing whitespace, or equal to ours once resolved against the file's URL (newsmon makes links
 *       absolute, gofeed keeps them as written);</li>
 *   <li>guid: RSS {@code guid.value}, Atom {@code id}; same rule as title;</li>
 *   <li>published: RSS {@code pubDateParsed}, Atom {@code publishedParsed}, compared as instants, only when the
 *       JSON states one (newsmon falls back to the updated or Dublin Core date where gofeed gives none).</li>
 * </ul>
 */
final class GofeedCheck {
    private final FeedParser parser;

    GofeedCheck(FeedParser parser) {
        this.parser = parser;
    }

    /** Why the pair fails, or null when it passes. */
    FolderResult.Miss check(Path xml, Path json) throws IOException {
        JsonNode expected = Json.mapper().readTree(json.toFile());
        String url = xml.toUri().toString();
        ParsedFeed feed;
        try {
            feed = parser.parse(Files.readAllBytes(xml), null, url);
        } catch (FeedParseException e) {
            return new FolderResult.Miss("parse error", e.getMessage());
        }
        boolean atom = expected.has("entries");
        List<JsonNode> items = new ArrayList<>();
        expected.path(atom ? "entries" : "items").forEach(items::add);
        if (items.size() != feed.entries().size()) {
            return new FolderResult.Miss("entry count differs",
                    "entries: expected " + items.size() + ", got " + feed.entries().size());
        }
        for (int i = 0; i < items.size(); i++) {
            FolderResult.Miss miss = compare(items.get(i), feed.entries().get(i), atom, url);
            if (miss != null) {
                return new FolderResult.Miss(miss.kind(), "entry " + i + " " + miss.reason());
            }
        }
        return null;
    }

    private static FolderResult.Miss compare(JsonNode item, ParsedEntry entry, boolean atom, String url) {
        String title = text(item.get("title"));
        if (!same(title, entry.title())) {
            return mismatch("title", title, entry.title());
        }
        String link = atom ? alternateLink(item) : text(item.get("link"));
        if (!same(link, entry.link()) && !same(resolve(link, url), entry.link())) {
            return mismatch("link", link, entry.link());
        }
        String guid = atom ? text(item.get("id")) : text(item.path("guid").get("value"));
        if (!same(guid, entry.guid())) {
            return mismatch("guid", guid, entry.guid());
        }
        String published = text(item.get(atom ? "publishedParsed" : "pubDateParsed"));
        if (published != null && !Objects.equals(instant(published), entry.published())) {
            return mismatch("published", published, String.valueOf(entry.published()));
        }
        return null;
    }

    private static String alternateLink(JsonNode entry) {
        for (JsonNode link : entry.path("links")) {
            String rel = text(link.get("rel"));
            if (rel == null || rel.equals("alternate")) {
                return text(link.get("href"));
            }
        }
        return null;
    }

    private static boolean same(String expected, String actual) {
        return normal(expected).equals(normal(actual));
    }

    private static String normal(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    private static String resolve(String link, String base) {
        if (link == null) {
            return null;
        }
        try {
            return URI.create(base).resolve(link.strip()).toString();
        } catch (IllegalArgumentException e) {
            return link;
        }
    }

    private static Instant instant(String s) {
        try {
            return java.time.OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static FolderResult.Miss mismatch(String field, String expected, String actual) {
        return new FolderResult.Miss(field + " differs",
                field + ": expected '" + normal(expected) + "', got '" + normal(actual) + "'");
    }
}
