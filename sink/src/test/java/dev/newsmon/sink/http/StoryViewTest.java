package dev.newsmon.sink.http;

import dev.newsmon.common.model.Alert;
import dev.newsmon.sink.TestAlerts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dashboard's mark of a spreading story: three outlets within six hours of its first item. */
class StoryViewTest {
    private static Alert copy(String item, String outlet, Duration after) {
        Alert a = TestAlerts.alert("s-1", item, Alert.Kind.COPY);
        return new Alert(a.schemaVersion(), a.kind(), a.storyId(), a.itemId(), a.url(), a.title(), outlet,
                a.feedUrl(), a.published(), a.fetched(), a.alerted().plus(after), a.tags(), a.matches(),
                a.similarity(), a.copyOf(), a.rulesVersion(), a.relevance(), a.language(), a.text());
    }

    @Test
    void aStoryIsSpreadingFromItsThirdOutletWithinSixHours() {
        StoryView v = StoryView.of(TestAlerts.alert("s-1", "i-1", Alert.Kind.STORY));
        v = v.with(copy("i-2", "Tidewater Gazette", Duration.ofHours(1)));
        v = v.with(copy("i-3", "Tidewater Gazette", Duration.ofHours(2)));
        assertFalse(v.spreading(), "two outlets, one of them twice");
        v = v.with(copy("i-4", "Lakeshore Ledger", Duration.ofHours(5)));
        assertTrue(v.spreading());
    }

    @Test
    void aThirdOutletAfterSixHoursIsNoSpreading() {
        StoryView v = StoryView.of(TestAlerts.alert("s-1", "i-1", Alert.Kind.STORY))
                .with(copy("i-2", "Tidewater Gazette", Duration.ofHours(1)))
                .with(copy("i-3", "Lakeshore Ledger", Duration.ofHours(7)));
        assertFalse(v.spreading());
        assertTrue(v.firstSeen().isBefore(Instant.parse("2026-11-26T10:00:00Z")));
    }
}
