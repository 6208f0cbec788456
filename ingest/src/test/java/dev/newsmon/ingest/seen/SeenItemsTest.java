package dev.newsmon.ingest.seen;

import dev.newsmon.common.model.FeedItem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SeenItemsTest {
    private static final Instant T = Instant.parse("2026-11-29T12:00:00Z");
    private final Map<String, SeenRecord> stored = new LinkedHashMap<>();
    private final SeenItems seen = new SeenItems(stored::put);

    @Test
    void anUnchangedItemIsProducedOnce() {
        FeedItem a = item("id-a", "Reboost planned", "The station will fire its engines.");
        seen.remember(seen.select(List.of(a)));

        assertEquals(List.of(), seen.select(List.of(item("id-a", "Reboost planned",
                "The station will fire its engines."))));
        assertEquals(1, stored.size());
    }

    @Test
    void changedTextUnderTheSameIdIsAnUpdateWithTheNextRevision() {
        seen.remember(seen.select(List.of(item("id-a", "Reboost planned", "Engines fire on Tuesday."))));

        List<FeedItem> again = seen.select(List.of(item("id-a", "Reboost planned", "Engines fire on Wednesday.")));
        assertEquals(1, again.size());
        assertEquals(1, again.get(0).revision());
        seen.remember(again);
        assertEquals(2, seen.select(List.of(item("id-a", "Reboost planned", "Postponed."))).get(0).revision());
        assertEquals(1, stored.get("id-a").revision());
    }

    @Test
    void aNewIdForTheSameLinkTitleAndTextIsNotANewItem() {
        seen.remember(seen.select(List.of(item("id-a", "Crew swap", "Two crews meet."))));

        assertEquals(List.of(), seen.select(List.of(item("id-b", "Crew swap", "Two crews meet."))));
    }

    @Test
    void aRestartRestoresTheSetFromTheStore() {
        seen.remember(seen.select(List.of(item("id-a", "Crew swap", "Two crews meet."))));
        SeenItems restarted = new SeenItems(SeenStore.NONE);
        stored.forEach(restarted::restore);

        assertEquals(List.of(), restarted.select(List.of(item("id-a", "Crew swap", "Two crews meet."))));
        assertEquals(1, restarted.select(List.of(item("id-a", "Crew swap", "Three crews meet."))).size());
    }

    @Test
    void twoEntriesOfOneReadWithTheSameContentAreProducedOnce() {
        List<FeedItem> fresh = seen.select(List.of(item("id-a", "Same", "Text."), item("id-b", "Same", "Text.")));
        assertEquals(List.of("id-a"), fresh.stream().map(FeedItem::itemId).toList());
    }

    @Test
    void nothingIsRememberedUntilDelivered() {
        seen.select(List.of(item("id-a", "Crew swap", "Two crews meet.")));
        assertEquals(1, seen.select(List.of(item("id-a", "Crew swap", "Two crews meet."))).size());
        assertEquals(0, seen.size());
    }

    private static FeedItem item(String id, String title, String text) {
        return new FeedItem(FeedItem.SCHEMA_VERSION, id, id, "https://a.example/rss", "A",
                "https://a.example/story", title, text, null, T);
    }
}
