package dev.newsmon.ingest.seen;

import dev.newsmon.common.model.FeedItem;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SeenItemsTest {
    private static final Instant T = Instant.parse("2026-11-29T12:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(30);
    private final Map<String, SeenRecord> stored = new LinkedHashMap<>();
    private final MovableClock clock = new MovableClock(T);
    private final SeenItems seen = new SeenItems(stored::put, clock, RETENTION);

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
        SeenItems restarted = new SeenItems(SeenStore.NONE, clock, RETENTION);
        stored.forEach(restarted::restore);

        assertEquals(List.of(), restarted.select(List.of(item("id-a", "Crew swap", "Two crews meet."))));
        assertEquals(1, restarted.select(List.of(item("id-a", "Crew swap", "Three crews meet."))).size());
    }

    @Test
    void anItemNoLongerListedIsForgottenAfterTheRetentionAndThenIsNewAgain() {
        FeedItem a = item("id-a", "Crew swap", "Two crews meet.");
        seen.remember(seen.select(List.of(a)));

        clock.advance(RETENTION);
        assertEquals(List.of(), seen.select(List.of(a)), "forgotten only after the retention");
        assertEquals(0, seen.expired());

        clock.advance(SeenItems.SWEEP_EVERY);
        List<FeedItem> again = seen.select(List.of());
        assertEquals(List.of(), again);
        assertEquals(0, seen.size());
        assertEquals(1, seen.expired());
        assertEquals(0, seen.select(List.of(a)).get(0).revision(), "a forgotten item is new again");
        assertEquals(1, seen.select(List.of(item("id-b", "Crew swap", "Two crews meet."))).size(),
                "its content is forgotten too");
    }

    @Test
    void anItemStillListedIsWrittenAgainAfterHalfTheRetentionAndNeverExpires() {
        FeedItem a = item("id-a", "Crew swap", "Two crews meet.");
        seen.remember(seen.select(List.of(a)));

        clock.advance(RETENTION.dividedBy(4));
        assertEquals(0, seen.stillListed(List.of(a)), "fresh records are not written again");
        for (int i = 0; i < 8; i++) {
            clock.advance(RETENTION.dividedBy(2).plusHours(1));
            assertEquals(List.of(), seen.select(List.of(a)));
            assertEquals(1, seen.stillListed(List.of(a)));
            assertEquals(clock.instant(), stored.get("id-a").seenAt(), "the topic gets the new time");
        }
        assertEquals(0, seen.expired());
        assertEquals(0, stored.get("id-a").revision());
    }

    @Test
    void aRestoredRecordPastTheRetentionIsLeftOutAndAVersionOneRecordCountsAsSeenAtTheRestore() {
        SeenItems restarted = new SeenItems(SeenStore.NONE, clock, RETENTION);
        restarted.restore("old", new SeenRecord(2, "https://a.example/rss", "h-old", 0,
                T.minus(RETENTION).minusSeconds(1)));
        restarted.restore("v1", new SeenRecord(1, "https://a.example/rss", "h-v1", 0, null));
        restarted.restore("recent", new SeenRecord(2, "https://a.example/rss", "h-recent", 0, T.minusSeconds(60)));
        restarted.restore("recent", new SeenRecord(2, "https://a.example/rss", "h-recent", 0,
                T.minus(RETENTION).minusSeconds(1)));

        assertEquals(1, restarted.size(), "only the version 1 record is kept; a later expired record replaces");
        clock.advance(RETENTION.plus(SeenItems.SWEEP_EVERY));
        restarted.select(List.of());
        assertEquals(0, restarted.size(), "the version 1 record expires a retention after the restore");
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

    @Test
    void revisionsAndTimesAreWrittenWithTheRecord() {
        seen.remember(seen.select(List.of(item("id-a", "Crew swap", "Two crews meet."))));
        assertEquals(T, stored.get("id-a").seenAt());
        assertEquals(SeenRecord.SCHEMA_VERSION, stored.get("id-a").schemaVersion());
        assertNull(new SeenRecord(1, "f", "h", 0, null).seenAt());
    }

    private static FeedItem item(String id, String title, String text) {
        return new FeedItem(FeedItem.SCHEMA_VERSION, id, id, "https://a.example/rss", "A",
                "https://a.example/story", title, text, null, T);
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("not needed by these tests");
        }
    }
}
