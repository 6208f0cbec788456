package dev.newsmon.common.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An alert on {@code news.alerts}: the first item of a story, or a later copy of it.
 *
 * @param schemaVersion version of this message's shape
 * @param kind          {@code story} for the first item of a story, {@code copy} for a syndicated copy
 * @param storyId       id of the story; every copy carries its story's id
 * @param itemId        id of the item this alert is about
 * @param url           canonical link of the item
 * @param title         title of the item
 * @param outlet        outlet that carried the item
 * @param feedUrl       feed the item was read from
 * @param published     publication time stated by the feed, may be null
 * @param fetched       when the feed was fetched
 * @param alerted       when the processor decided this alert
 * @param tags          tags that apply, sorted
 * @param matches       per tag, the queries that matched and their hits
 * @param similarity    for a copy, its similarity to the item it copies (0..1); null for a story
 * @param copyOf        for a copy, the item id it was found to copy; null for a story
 * @param rulesVersion  version of the rules the item was tagged with
 * @param relevance     per tag, how much the item is about it and the evidence; empty in alerts written before
 *                      aboutness (readers of those get an empty map)
 * @param language      ISO 639-1 code of the item's language, as ingest found it; null when unknown and in alerts
 *                      written before languages
 * @param text          the item's plain text, its first {@link #MAX_TEXT_CHARS} characters: what the terms' offsets
 *                      in {@code matches} point into, and what subscriptions query; null in alerts written before it
 */
public record Alert(
        int schemaVersion,
        Kind kind,
        String storyId,
        String itemId,
        String url,
        String title,
        String outlet,
        String feedUrl,
        Instant published,
        Instant fetched,
        Instant alerted,
        List<String> tags,
        Map<String, List<TagMatch>> matches,
        Double similarity,
        String copyOf,
        String rulesVersion,
        Map<String, TagRelevance> relevance,
        String language,
        String text) {

    public static final int SCHEMA_VERSION = 1;

    /**
     * The most of an item's text an alert carries: an alert must stay well within a Kafka record's size however long
     * the article, and the start of a text is what a reader and a subscription's query need.
     */
    public static final int MAX_TEXT_CHARS = 20_000;

    public Alert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(storyId, "storyId");
        Objects.requireNonNull(itemId, "itemId");
        tags = List.copyOf(tags);
        matches = Map.copyOf(matches);
        relevance = relevance == null ? Map.of() : Map.copyOf(relevance);
        if (text != null && text.length() > MAX_TEXT_CHARS) {
            // Never half a surrogate pair: the cut text must still be valid UTF-16 to be written as JSON.
            int end = Character.isHighSurrogate(text.charAt(MAX_TEXT_CHARS - 1)) ? MAX_TEXT_CHARS - 1 : MAX_TEXT_CHARS;
            text = text.substring(0, end);
        }
    }

    /** What an alert announces. Serialized in lower case. */
    public enum Kind {
        STORY, COPY;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Kind fromWire(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
