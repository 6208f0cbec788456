package dev.newsmon.ingest.item;

import dev.newsmon.common.model.FeedItem;
import dev.newsmon.ingest.feedlist.FeedSource;
import dev.newsmon.ingest.parse.ParsedEntry;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ItemMapperTest {
    private static final FeedSource LEDGER = new FeedSource("https://orbital-ledger.example/feed", "Orbital Ledger");
    private static final FeedSource SKYWARD = new FeedSource("https://skyward.example/rss", "Skyward Dispatch");
    private static final Instant FETCHED = Instant.parse("2026-11-24T12:00:00Z");
    private static final Instant PUBLISHED = Instant.parse("2026-11-24T09:00:00Z");

    @Test
    void mapsFieldsToPlainTextAndCanonicalUrl() {
        ParsedEntry e = new ParsedEntry(" g-1 ", "https://Orbital-Ledger.example/s?utm_source=x#c",
                "Module &amp; <em>truss</em>", "<p>First.</p><p>Second.</p>", PUBLISHED, null, "A. Writer", "ru");

        FeedItem item = ItemMapper.map(LEDGER, LEDGER.name(), e, FETCHED);

        assertEquals(FeedItem.SCHEMA_VERSION, item.schemaVersion());
        assertEquals("g-1", item.guid());
        assertEquals(LEDGER.url(), item.feedUrl());
        assertEquals("Orbital Ledger", item.outlet());
        assertEquals("https://orbital-ledger.example/s", item.url());
        assertEquals("Module & truss", item.title());
        assertEquals("First. Second.", item.text());
        assertEquals(PUBLISHED, item.published());
        assertEquals(FETCHED, item.fetched());
        assertEquals("ru", item.language(), "the language the feed declares");
    }

    @Test
    void guidRuleIsScopedToTheFeed() {
        ParsedEntry e = new ParsedEntry("g-1", "https://orbital-ledger.example/s", "T", "x", null, null, null, null);

        FeedItem item = ItemMapper.map(LEDGER, LEDGER.name(), e, FETCHED);

        assertEquals(sha32("guid:" + LEDGER.url() + "|g-1"), item.itemId());
        assertNotEquals(item.itemId(), ItemMapper.map(SKYWARD, SKYWARD.name(), e, FETCHED).itemId(),
                "the same guid in two outlets' feeds must give two items");
    }

    @Test
    void urlRuleUsesTheCanonicalLinkWhenGuidIsBlank() {
        ParsedEntry e = new ParsedEntry("  ", "https://Orbital-Ledger.example/s?fbclid=1", "T", "x", null, null, null, null);

        FeedItem item = ItemMapper.map(LEDGER, LEDGER.name(), e, FETCHED);

        assertNull(item.guid());
        assertEquals(sha32("url:https://orbital-ledger.example/s"), item.itemId());
    }

    @Test
    void hashRuleUsesFeedTitleAndPlainTextWhenNoGuidAndNoUsableLink() {
        ParsedEntry e = new ParsedEntry(null, "mailto:desk@example", "<b>Title</b>", "<p>Body</p>", null, null, null, null);

        FeedItem item = ItemMapper.map(LEDGER, LEDGER.name(), e, FETCHED);

        assertNull(item.url());
        assertEquals(sha32("hash:" + LEDGER.url() + "|Title|Body"), item.itemId());
    }

    @Test
    void idIsStableAcrossPollsAndIgnoresTrackingDecoration() {
        ParsedEntry first = new ParsedEntry(null, "https://wire.example/a?utm_source=rss", "T", "x", null, null, null, null);
        ParsedEntry later = new ParsedEntry(null, "https://WIRE.example/a#top", "T edited", "y", PUBLISHED, null, null, null);

        String id = ItemMapper.map(LEDGER, LEDGER.name(), first, FETCHED).itemId();

        assertEquals(32, id.length());
        assertEquals(id, ItemMapper.map(LEDGER, LEDGER.name(), first, FETCHED.plusSeconds(600)).itemId());
        assertEquals(id, ItemMapper.map(LEDGER, LEDGER.name(), later, FETCHED).itemId());
    }

    private static String sha32(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 32);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
