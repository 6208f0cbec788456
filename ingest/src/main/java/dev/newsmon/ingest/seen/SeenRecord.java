package dev.newsmon.ingest.seen;

import java.time.Instant;
import java.util.Objects;

/**
 * What ingest produced of one item, as kept in the compacted topic {@code news.ingest-seen} under the item id.
 *
 * @param schemaVersion version of this message's shape
 * @param feedUrl       the feed the item belongs to (its stable key)
 * @param contentHash   {@link SeenItems#contentHash} of the version last produced
 * @param revision      the revision last produced (0 for the first sighting)
 * @param seenAt        when ingest last produced the item or found it still listed; absent from version 1 records
 */
public record SeenRecord(int schemaVersion, String feedUrl, String contentHash, int revision, Instant seenAt) {
    public static final int SCHEMA_VERSION = 2;

    public SeenRecord {
        Objects.requireNonNull(contentHash, "contentHash");
    }

    public SeenRecord seenAgain(Instant at) {
        return new SeenRecord(SCHEMA_VERSION, feedUrl, contentHash, revision, at);
    }
}
