package dev.newsmon.common.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AlertTest {
    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");

    private static Alert withText(String text) {
        return new Alert(Alert.SCHEMA_VERSION, Alert.Kind.STORY, "s-0123456789abcdef", "i-1", null, "Title", "Outlet",
                "https://feeds.example/rss", null, T0, T0, List.of("space-station"), Map.of(), null, null, "v1",
                Map.of(), "en", text);
    }

    @Test
    void aLongTextIsCutToTheMostAnAlertCarries() {
        String text = "orbit ".repeat(5_000);
        assertEquals(text.substring(0, Alert.MAX_TEXT_CHARS), withText(text).text());
        assertEquals("short", withText("short").text());
        assertNull(withText(null).text(), "an alert written before texts has none");
    }

    @Test
    void theCutNeverSplitsASurrogatePair() {
        // U+1F680 is two chars; placed so that the cap falls between them.
        String text = "x".repeat(Alert.MAX_TEXT_CHARS - 1) + "\uD83D\uDE80" + "tail";
        String cut = withText(text).text();
        assertEquals(Alert.MAX_TEXT_CHARS - 1, cut.length());
        assertEquals('x', cut.charAt(cut.length() - 1));
    }
}
