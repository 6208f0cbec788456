package dev.newsmon.common.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The current state of a story on {@code news.stories}: every outlet that carried it, so a dashboard can show
 * "carried by 7 outlets". Each update replaces the previous one (the topic is compacted by story id).
 *
 * @param schemaVersion    version of this message's shape
 * @param storyId          id of the story
 * @param first            the item first seen, which opened the story
 * @param originalItemId   the earliest-published item of the story: the first one, unless a copy seen later
 *                         states an earlier publication time
 * @param copies           copies in the order they were seen, at most {@link #MAX_COPIES}
 * @param count            items in the story, the first one included (also counts copies beyond the list's cap)
 * @param outlets          distinct outlets that carried the story, sorted
 * @param updated          when the processor last changed this cluster
 */
public record StoryCluster(
        int schemaVersion,
        String storyId,
        Member first,
        String originalItemId,
        List<Member> copies,
        int count,
        List<String> outlets,
        Instant updated) {

    public static final int SCHEMA_VERSION = 1;
    /** A story carried more often than this keeps its count exact but lists only the first copies. */
    public static final int MAX_COPIES = 500;

    public StoryCluster {
        Objects.requireNonNull(storyId, "storyId");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(originalItemId, "originalItemId");
        copies = List.copyOf(copies);
        outlets = List.copyOf(outlets);
    }

    /**
     * One item of a story.
     *
     * @param itemId     the item
     * @param outlet     outlet that carried it
     * @param url        its link
     * @param title      its title
     * @param published  publication time stated by its feed, may be null
     * @param seen       when the processor alerted it
     * @param similarity for a copy, shingle containment with the item it copies; null for the first item
     * @param copyOf     for a copy, the item it was found to copy; null for the first item
     */
    public record Member(String itemId, String outlet, String url, String title, Instant published, Instant seen,
                         Double similarity, String copyOf) {
        public Member {
            Objects.requireNonNull(itemId, "itemId");
        }

        /** Earlier publication first; an item without one sorts last. */
        public static final Comparator<Member> BY_PUBLISHED =
                Comparator.comparing(Member::published, Comparator.nullsLast(Comparator.naturalOrder()));
    }
}
