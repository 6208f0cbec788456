package dev.newsmon.sink.story;

import dev.newsmon.common.model.Alert;

import java.time.Instant;
import java.util.Optional;

/**
 * A place that keeps stories with their items (the PostgreSQL tables, the dashboard's view), as
 * {@link StoryReconciler} reads and changes it. Every method works on story ids the store holds, except where it
 * says otherwise.
 *
 * @param <E> what the store throws when it cannot be read or written
 */
public interface StoryStore<E extends Exception> {
    /** The stored story of an item, if the item is stored. */
    Optional<String> storyOfItem(String itemId) throws E;

    /** The stored story an id names: the story of that id, or the story the id is an alias of. */
    Optional<String> storyNamed(String storyId) throws E;

    /** When a stored story was first alerted. */
    Instant firstSeen(String storyId) throws E;

    /** Stores a new item in story {@code storyId}, which the store creates when it has no such story. */
    void add(Alert alert, String storyId) throws E;

    /** Records {@code aliasId}, an id the store does not hold, as another name of story {@code storyId}. */
    void alias(String aliasId, String storyId) throws E;

    /**
     * Moves story {@code from} under {@code to}, an id the store does not hold, first seen at the earlier of its
     * first sight and {@code seen}; {@code from} becomes an alias of it.
     */
    void rename(String from, String to, Instant seen) throws E;

    /** Moves every item of story {@code from} into story {@code into}; {@code from} becomes an alias of it. */
    void fold(String from, String into) throws E;
}
