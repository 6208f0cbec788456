package dev.newsmon.ingest.group;

import dev.newsmon.ingest.feedlist.FeedSource;

/** What the feed group hands the feeds of its partitions to: the scheduler of this instance's polls. */
public interface FeedPoller {
    /** Starts polling a feed, or takes its new definition if it is polled already. */
    void addFeed(FeedSource feed);

    /** Stops polling a feed. */
    void removeFeed(String url);
}
