package dev.newsmon.ingest.group;

import dev.newsmon.common.model.FeedStatus;
import dev.newsmon.ingest.feedlist.FeedSource;

/** What the feed group hands the feeds of its partitions to: the scheduler of this instance's polls. */
public interface FeedPoller {
    /** Starts polling a feed, or takes its new definition if it is polled already. */
    void addFeed(FeedSource feed);

    /**
     * Starts polling a feed taken over from another instance, from the status that instance last published; a
     * feed polled here already keeps its own state, as with {@link #addFeed}.
     */
    void resumeFeed(FeedSource feed, FeedStatus last);

    /** Stops polling a feed. */
    void removeFeed(String url);
}
