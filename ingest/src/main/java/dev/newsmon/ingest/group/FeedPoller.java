package dev.newsmon.ingest.group;

import dev.newsmon.common.model.FeedStatus;
import dev.newsmon.ingest.feedlist.FeedSource;
import dev.newsmon.ingest.status.PublishedStatuses;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** What the feed group hands the feeds of its partitions to: the scheduler of this instance's polls. */
public interface FeedPoller {
    /** Starts polling a feed, or takes its new definition if it is polled already. */
    void addFeed(FeedSource feed);

    /**
     * Starts polling a feed taken over from another instance, from the status that instance last published; a
     * feed polled here already keeps its own state, as with {@link #addFeed}.
     */
    void resumeFeed(FeedSource feed, FeedStatus last);

    /** Stops polling a feed: it is polled elsewhere now (its partition moved), or nowhere. */
    void removeFeed(String url);

    /** Stops polling a feed the feed list no longer holds, and withdraws the status published for it. */
    void deleteFeed(String url);

    /**
     * Starts polling {@code feeds}: each that has a status in {@code statuses} resumes from it (a restart or a
     * handover keeps its validators, backoff and due time), the others start afresh.
     *
     * @return how many resumed
     */
    default int startFeeds(Collection<FeedSource> feeds, PublishedStatuses statuses) {
        Set<String> urls = feeds.stream().map(FeedSource::url).collect(Collectors.toSet());
        Map<String, FeedStatus> last = urls.isEmpty() ? Map.of() : statuses.latest(urls);
        for (FeedSource f : feeds) {
            FeedStatus status = last.get(f.url());
            if (status == null) {
                addFeed(f);
            } else {
                resumeFeed(f, status);
            }
        }
        return last.size();
    }
}
