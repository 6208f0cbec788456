package dev.newsmon.common.model;

import java.time.Instant;
import java.util.Objects;

/**
 * The health of one feed after its latest poll, as ingest publishes it to the compacted topic
 * {@code news.feed-status}, keyed by {@code feed_url}: the latest record per feed is its current status.
 *
 * @param schemaVersion     version of this message's shape
 * @param feedUrl           the feed's stable key: its URL as listed (also the record key)
 * @param fetchUrl          where it is fetched from now: differs from feedUrl after a 301/308
 * @param outlet            the name the feed is listed under, or null
 * @param lastAttempt       start of the latest poll
 * @param lastSuccess       start of the latest successful poll (a 304 counts), or null if none yet
 * @param httpStatus        HTTP status of the latest poll; 0 when there was no response (timeout, network)
 * @param consecutiveErrors failed polls in a row; 0 after a success
 * @param nextPoll          when the feed is next due; null when it is disabled
 * @param lastError         one line on the latest failure; null after a success
 * @param itemsSeen         entries the feed held at its latest read with a body
 * @param itemsProduced     items the latest poll produced (new ones and updates)
 * @param disabled          true after a 410 Gone: it is not polled until it is added again
 * @param etag              ETag of the latest successful poll, or null (the next poller of the feed asks with it)
 * @param lastModified      Last-Modified of the latest successful poll, or null
 * @param recovered         true when the latest body read was not well-formed XML and only its complete entries
 *                          were read, by the lenient parser (what feedparser calls bozo); false in messages written
 *                          before the lenient parser
 */
public record FeedStatus(
        int schemaVersion,
        String feedUrl,
        String fetchUrl,
        String outlet,
        Instant lastAttempt,
        Instant lastSuccess,
        int httpStatus,
        int consecutiveErrors,
        Instant nextPoll,
        String lastError,
        int itemsSeen,
        int itemsProduced,
        boolean disabled,
        String etag,
        String lastModified,
        Boolean recovered) {

    public static final int SCHEMA_VERSION = 1;

    public FeedStatus {
        Objects.requireNonNull(feedUrl, "feedUrl");
        fetchUrl = fetchUrl == null ? feedUrl : fetchUrl;
        // Boxed so that a message without the field (an older writer) reads as false rather than failing.
        recovered = recovered != null && recovered;
    }
}
