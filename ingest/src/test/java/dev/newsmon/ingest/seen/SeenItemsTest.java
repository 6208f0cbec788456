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
        seen.remember(seen.select(hashed(a)));

        assertEquals(List.of(), seen.select(hashed(item("id-a", "Reboost planned",
                "The station will fire its engines."))));
        assertEquals(1, stored.size());
    }

    @Test
    void changedTextUnderTheSameIdIsAnUpdateWithTheNextRevision() {
        seen.remember(seen.select(hashed(item("id-a", "Reboost planned", "Engines fire on Tuesday."))));

        List<HashedItem> again = seen.select(hashed(item("id-a", "Reboost planned", "Engines fire on Wednesday.")));
        assertEquals(1, again.size());
        assertEquals(1, again.get(0).item().revision());
        seen.remember(again);
        assertEquals(2, seen.select(hashed(item("id-a", "Reboost planned", "Postponed."))).get(0).item().revision());
        assertEquals(1, stored.get("id-a").revision());
    }

    @Test
    void aNewIdForTheSameLinkTitleAndTextIsNotANewItem() {
        seen.remember(seen.select(hashed(item("id-a", "Crew swap", "Two crews meet."))));

        assertEquals(List.of(), seen.select(hashed(item("id-b", "Crew swap", "Two crews meet."))));
    }

    @Test
    void aRestartRestoresTheSetFromTheStore() {
        seen.remember(seen.select(hashed(item("id-a", "Crew swap", "Two crews meet."))));
        SeenItems restarted = new SeenItems(SeenStore.NONE, clock, RETENTION);
        stored.forEach(restarted::restore);

        assertEquals(List.of(), restarted.select(hashed(item("id-a", "Crew swap", "Two crews meet."))));
        assertEquals(1, restarted.select(hashed(item("id-a", "Crew swap", "Three crews meet."))).size());
    }

    @Test
    void anItemNoLongerListedIsForgottenAfterTheRetentionAndThenIsNewAgain() {
        FeedItem a = item("id-a", "Crew swap", "Two crews meet.");
        seen.remember(seen.select(hashed(a)));

        clock.advance(RETENTION);
        assertEquals(List.of(), seen.select(hashed(a)), "forgotten only after the retention");
        assertEquals(0, seen.expired());

        clock.advance(SeenItems.SWEEP_EVERY);
        List<HashedItem> again = seen.select(List.of());
        assertEquals(List.of(), again);
        assertEquals(0, seen.size());
        assertEquals(1, seen.expired());
        assertEquals(0, seen.select(hashed(a)).get(0).item().revision(), "a forgotten item is new again");
        assertEquals(1, seen.select(hashed(item("id-b", "Crew swap", "Two crews meet."))).size(),
                "its content is forgotten too");
    }

    @Test
    void anItemStillListedIsWrittenAgainAfterHalfTheRetentionAndNeverExpires() {
        FeedItem a = item("id-a", "Crew swap", "Two crews meet.");
        seen.remember(seen.select(hashed(a)));

        clock.advance(RETENTION.dividedBy(4));
        assertEquals(0, seen.stillListed(hashed(a)), "fresh records are not written again");
        for (int i = 0; i < 8; i++) {
            clock.advance(RETENTION.dividedBy(2).plusHours(1));
            assertEquals(List.of(), seen.select(hashed(a)));
            assertEquals(1, seen.stillListed(hashed(a)));
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
        List<HashedItem> fresh = seen.select(hashed(item("id-a", "Same", "Text."), item("id-b", "Same", "Text.")));
        assertEquals(List.of("id-a"), fresh.stream().map(hashed -> hashed.item().itemId()).toList());
    }

    @Test
    void nothingIsRememberedUntilDelivered() {
        seen.select(hashed(item("id-a", "Crew swap", "Two crews meet.")));
        assertEquals(1, seen.select(hashed(item("id-a", "Crew swap", "Two crews meet."))).size());
        assertEquals(0, seen.size());
    }

    @Test
    void revisionsAndTimesAreWrittenWithTheRecord() {
        seen.remember(seen.select(hashed(item("id-a", "Crew swap", "Two crews meet."))));
        assertEquals(T, stored.get("id-a").seenAt());
        assertEquals(SeenRecord.SCHEMA_VERSION, stored.get("id-a").schemaVersion());
        assertNull(new SeenRecord(1, "f", "h", 0, null).seenAt());
    }

    @Test
    void theRecordKeepsTheContentHashEarlierVersionsWrote() {
        // Records are restored from news.ingest-seen across upgrades: a hash worked out any other way would make
        // every listed item new again.
        seen.remember(seen.select(hashed(item("id-a", "Crew swap", "Two crews meet."))));
        assertEquals("1d91857e023d5486719fbbfbf9d69a17", stored.get("id-a").contentHash());
    }

    private static List<HashedItem> hashed(FeedItem... items) {
        return SeenItems.hash(List.of(items));
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
