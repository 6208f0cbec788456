package dev.newsmon.processor.normalize;

import dev.newsmon.common.model.FeedItem;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NormalizerTest {
    @Test
    void composesCollapsesAndTrims() {
        // "e" + combining acute, a no-break space, a tab and a paragraph break.
        FeedItem raw = new FeedItem(FeedItem.SCHEMA_VERSION, "id-1", null, "https://a.example/feed", "A",
                null, "  Caf\u0065\u0301\u00A0talk ", "First\tline.\n\nSecond  line.\u2003", null,
                Instant.parse("2026-03-03T08:00:00Z"));

        FeedItem clean = Normalizer.normalize(raw);

        assertEquals("Caf\u00e9 talk", clean.title());
        assertEquals("First line. Second line.", clean.text());
        assertEquals(raw.itemId(), clean.itemId());
        assertEquals(raw.fetched(), clean.fetched());
    }
}
