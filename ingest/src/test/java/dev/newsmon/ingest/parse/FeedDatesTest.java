package dev.newsmon.ingest.parse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class FeedDatesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-11-23 09:15:00|2026-11-23T09:15:00Z",
            "2026-11-23T09:15:00.123456+01:00|2026-11-23T08:15:00.123456Z",
            "Thu, 23 Nov 2026 09:15:00 GMT|2026-11-23T09:15:00Z",
            "Tues, 23 Nov 2026 09:15 +0200|2026-11-23T07:15:00Z",
            "23 November 2026 09:15:00 UT|2026-11-23T09:15:00Z",
            "Mon Nov 23 09:15:00 UTC 2026|2026-11-23T09:15:00Z",
            "November 23, 2026 9:15 AM|2026-11-23T09:15:00Z",
            "2026/11/23 09:15|2026-11-23T09:15:00Z",
            "23.11.2026 09:15|2026-11-23T09:15:00Z",
            "2026-11-23|2026-11-23T00:00:00Z"})
    void brokenFormsFromTheWild(String text, String expected) {
        assertEquals(Instant.parse(expected), FeedDates.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "soon", "32/13/2026"})
    void unreadableIsNull(String text) {
        assertNull(FeedDates.parse(text));
    }
}
