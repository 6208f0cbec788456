package dev.newsmon.common.model;

import dev.newsmon.common.json.JsonSerde;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IngestMessagesJsonTest {
    private static final Instant AT = Instant.parse("2026-11-29T19:00:00Z");

    @Test
    void anItemWithoutRevisionFromAnOlderWriterIsAFirstSighting() {
        String json = "{\"schema_version\":1,\"item_id\":\"i\",\"feed_url\":\"https://a.example/rss\",\"title\":\"t\","
                + "\"fetched\":\"2026-11-26T10:00:00Z\"}";
        FeedItem item = JsonSerde.of(FeedItem.class).deserializer()
                .deserialize("news.items", json.getBytes(StandardCharsets.UTF_8));
        assertEquals(0, item.revision());
    }

    @Test
    void anItemWithoutLanguageFromAnOlderWriterHasNone() {
        String json = "{\"schema_version\":1,\"item_id\":\"i\",\"feed_url\":\"https://a.example/rss\",\"title\":\"t\","
                + "\"fetched\":\"2026-11-26T10:00:00Z\",\"revision\":1}";
        FeedItem item = JsonSerde.of(FeedItem.class).deserializer()
                .deserialize("news.items", json.getBytes(StandardCharsets.UTF_8));
        assertNull(item.language());
        assertEquals(1, item.revision());
    }

    @Test
    void theLanguageRoundTripsAndSurvivesARevision() {
        JsonSerde<FeedItem> serde = JsonSerde.of(FeedItem.class);
        FeedItem item = new FeedItem(FeedItem.SCHEMA_VERSION, "i", "g", "https://a.example/rss", "A", null, "t",
                "x", null, AT).withLanguage("ru").withRevision(1);
        byte[] bytes = serde.serializer().serialize("news.items", item);
        assertTrue(new String(bytes, StandardCharsets.UTF_8).contains("\"language\":\"ru\""));
        assertEquals(item, serde.deserializer().deserialize("news.items", bytes));
        assertEquals("ru", item.language());
    }

    @Test
    void aStatusWithoutRecoveredFromAnOlderWriterReadsAsNotRecovered() {
        String json = "{\"schema_version\":1,\"feed_url\":\"https://a.example/rss\",\"http_status\":200,"
                + "\"consecutive_errors\":0,\"items_seen\":3,\"items_produced\":1,\"disabled\":false}";
        FeedStatus status = JsonSerde.of(FeedStatus.class).deserializer()
                .deserialize("news.feed-status", json.getBytes(StandardCharsets.UTF_8));
        assertFalse(status.recovered());
        assertEquals(3, status.itemsSeen());
    }

    @Test
    void anUpdateCarriesItsRevision() {
        JsonSerde<FeedItem> serde = JsonSerde.of(FeedItem.class);
        FeedItem update = new FeedItem(FeedItem.SCHEMA_VERSION, "i", "g", "https://a.example/rss", "A", null, "t",
                "x", null, AT).withRevision(2);
        byte[] bytes = serde.serializer().serialize("news.items", update);
        String json = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(json.contains("\"revision\":2"), json);
        assertFalse(json.contains("\"update\""), "the revision says it; no second field derived from it: " + json);
        assertEquals(update, serde.deserializer().deserialize("news.items", bytes));
    }

    @Test
    void feedStatusRoundTripsWithSnakeCaseFields() {
        JsonSerde<FeedStatus> serde = JsonSerde.of(FeedStatus.class);
        FeedStatus status = new FeedStatus(FeedStatus.SCHEMA_VERSION, "https://a.example/rss",
                "https://b.example/rss", "Outlet A", AT, null, 429, 3, AT.plusSeconds(120), "HTTP status 429", 12, 0,
                false, "\"v1\"", null, true);
        byte[] bytes = serde.serializer().serialize("news.feed-status", status);
        String json = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(json.contains("\"consecutive_errors\":3"), json);
        assertTrue(json.contains("\"next_poll\":\"2026-11-29T19:02:00Z\""), json);
        assertTrue(json.contains("\"recovered\":true"), json);
        assertEquals(status, serde.deserializer().deserialize("news.feed-status", bytes));
    }
}
