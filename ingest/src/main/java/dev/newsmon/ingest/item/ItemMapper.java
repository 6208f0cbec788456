package dev.newsmon.ingest.item;

import dev.newsmon.common.model.FeedItem;
import dev.newsmon.ingest.feedlist.FeedSource;
import dev.newsmon.ingest.parse.ParsedEntry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Turns a parsed entry into the {@link FeedItem} newsmon publishes.
 *
 * <p>The item id is stable across polls and scoped to the outlet's feed, so a re-poll produces the same key and an
 * outlet's copy of another outlet's story is a different item. It is the first 32 hex characters of the SHA-256
 * (UTF-8) of the first rule that applies:
 * <ol>
 *   <li>the entry has a non-blank guid: {@code "guid:" + feedUrl + "|" + guid};</li>
 *   <li>else it has a link with a canonical form ({@link UrlCanonicalizer}): {@code "url:" + canonicalUrl};</li>
 *   <li>else: {@code "hash:" + feedUrl + "|" + title + "|" + text}, title and text in plain text
 *       ({@link TextExtractor}).</li>
 * </ol>
 * Whitespace around a guid is ignored. The language is the one the feed declares; {@link ItemLanguages} detects it
 * for the items that are produced when the feed declares none.
 */
public final class ItemMapper {
    private static final int ID_HEX_CHARS = 32;

    private ItemMapper() {
    }

    /** @param outlet the outlet name, see {@link FeedSource#outlet(String)} */
    public static FeedItem map(FeedSource source, String outlet, ParsedEntry entry, Instant fetched) {
        String feedUrl = source.url();
        String guid = entry.guid() == null || entry.guid().isBlank() ? null : entry.guid().strip();
        String url = UrlCanonicalizer.canonicalize(entry.link());
        String title = TextExtractor.plainText(entry.title());
        String text = TextExtractor.plainText(entry.html());
        return new FeedItem(FeedItem.SCHEMA_VERSION, itemId(feedUrl, guid, url, title, text), guid, feedUrl,
                outlet, url, title, text, entry.published(), fetched, 0, entry.language());
    }

    static String itemId(String feedUrl, String guid, String canonicalUrl, String title, String text) {
        String basis;
        if (guid != null) {
            basis = "guid:" + feedUrl + "|" + guid;
        } else if (canonicalUrl != null) {
            basis = "url:" + canonicalUrl;
        } else {
            basis = "hash:" + feedUrl + "|" + title + "|" + text;
        }
        return sha256Hex(basis).substring(0, ID_HEX_CHARS);
    }

    private static String sha256Hex(String s) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
