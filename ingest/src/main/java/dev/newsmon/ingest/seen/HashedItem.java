package dev.newsmon.ingest.seen;

import dev.newsmon.common.model.FeedItem;

/**
 * An item of one read with its {@link SeenItems#contentHash}, made by {@link SeenItems#hash}: select, remember and
 * stillListed all need the hash, and computing it is most of their work.
 */
public record HashedItem(FeedItem item, String contentHash) {
    /** The item as revision {@code revision}; the hash stays, as it does not cover the revision. */
    HashedItem withRevision(int revision) {
        return new HashedItem(item.withRevision(revision), contentHash);
    }
}
