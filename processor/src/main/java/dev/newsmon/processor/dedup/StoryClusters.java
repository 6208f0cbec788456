package dev.newsmon.processor.dedup;

import dev.newsmon.common.model.Alert;
import dev.newsmon.common.model.StoryCluster;
import dev.newsmon.common.model.StoryCluster.Member;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Folds the alerts of one story into its {@link StoryCluster}. Pure: the same alerts give the same cluster. */
public final class StoryClusters {
    private StoryClusters() {
    }

    /** The cluster an alert opens: its item is the first and, for now, the original. */
    public static StoryCluster open(Alert alert, Instant now) {
        Member first = member(alert);
        return new StoryCluster(StoryCluster.SCHEMA_VERSION, alert.storyId(), first, first.itemId(), List.of(), 1,
                List.of(first.outlet()), now);
    }

    /**
     * The cluster with one more item, or empty when the item is already in it (a replayed alert). A copy that
     * states an earlier publication time than the current original becomes the original.
     */
    public static Optional<StoryCluster> add(StoryCluster cluster, Alert alert, Instant now) {
        if (members(cluster).anyMatch(m -> m.itemId().equals(alert.itemId()))) {
            return Optional.empty();
        }
        Member copy = member(alert);
        List<Member> copies = new ArrayList<>(cluster.copies());
        if (copies.size() < StoryCluster.MAX_COPIES) {
            copies.add(copy);
        }
        String original = members(cluster).filter(m -> m.itemId().equals(cluster.originalItemId())).findFirst()
                .filter(o -> Member.BY_PUBLISHED.compare(copy, o) >= 0)
                .map(Member::itemId)
                .orElse(copy.itemId());
        TreeSet<String> outlets = new TreeSet<>(cluster.outlets());
        outlets.add(copy.outlet());
        return Optional.of(new StoryCluster(StoryCluster.SCHEMA_VERSION, cluster.storyId(), cluster.first(), original,
                copies, cluster.count() + 1, List.copyOf(outlets), now));
    }

    private static Stream<Member> members(StoryCluster c) {
        return Stream.concat(Stream.of(c.first()), c.copies().stream());
    }

    private static Member member(Alert a) {
        return new Member(a.itemId(), a.outlet() == null ? "" : a.outlet(), a.url(), a.title(), a.published(),
                a.alerted(), a.similarity(), a.copyOf());
    }
}
