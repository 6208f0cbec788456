package dev.newsmon.common.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of one feed, as newsmon keeps it: never a parser's type.
 *
 * @param schemaVersion version of this message's shape
 * @param itemId        stable id: guid, else canonical link, else a hash of title and text (see docs/architecture.md)
 * @param guid          the feed's own id for the entry, if it had one
 * @param feedUrl       the feed this entry was read from
 * @param outlet        human name of the publishing outlet
 * @param url           canonical link, tracking parameters removed; may be null
 * @param title         plain-text title
 * @param text          plain text of the body or summary, HTML stripped and entities decoded
 * @param published     publication time stated by the feed; null when the feed gave none
 * @param fetched       when newsmon fetched the feed
 * @param revision      0 the first time ingest produces the item; 1, 2, ... each time it is produced again because
 *                      its title, text or link changed under the same id (an update). Absent in older messages,
 *                      read as 0.
 * @param language      ISO 639-1 code of the item's language: as the feed declares it ({@code xml:lang},
 *                      {@code dc:language}, {@code <language>}), else as detected from the text; null when neither
 *                      tells. Absent in older messages, read as null.
 */
public record FeedItem(
        int schemaVersion,
        String itemId,
        String guid,
        String feedUrl,
        String outlet,
        String url,
        String title,
        String text,
        Instant published,
        Instant fetched,
        Integer revision,
        String language) {

    public static final int SCHEMA_VERSION = 1;

    /** A first sighting (revision 0) in no known language. */
    public FeedItem(int schemaVersion, String itemId, String guid, String feedUrl, String outlet, String url,
                    String title, String text, Instant published, Instant fetched) {
        this(schemaVersion, itemId, guid, feedUrl, outlet, url, title, text, published, fetched, 0, null);
    }

    public FeedItem {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(feedUrl, "feedUrl");
        title = title == null ? "" : title;
        text = text == null ? "" : text;
        // Boxed so that a message without the field (an older writer) reads as 0 rather than failing.
        revision = revision == null ? 0 : revision;
    }

    /** The same item as revision {@code n}. */
    public FeedItem withRevision(int n) {
        return new FeedItem(schemaVersion, itemId, guid, feedUrl, outlet, url, title, text, published, fetched, n,
                language);
    }

    /** The same item in the language {@code code} (ISO 639-1, or null). */
    public FeedItem withLanguage(String code) {
        return new FeedItem(schemaVersion, itemId, guid, feedUrl, outlet, url, title, text, published, fetched,
                revision, code);
    }

    /** Publication time if known, else fetch time: the best available event time. */
    public Instant eventTime() {
        return published != null ? published : fetched;
    }
}
