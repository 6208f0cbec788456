package dev.newsmon.sink.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FeedProblemsTest {
    @Test
    void anHttpFailureIsNamedByItsStatus() {
        assertEquals("Refused (HTTP 403): the server does not let newsmon read this feed.",
                FeedProblems.describe(403, "cannot fetch https://a.example/rss: HTTP status 403"));
        assertEquals("Server error (HTTP 502): the outlet's server failed.", FeedProblems.describe(502, null));
        assertEquals("Rejected (HTTP 418): the server would not serve the feed.", FeedProblems.describe(418, ""));
    }

    @Test
    void aFailureWithoutAnAnswerIsNamedByWhatIngestRecorded() {
        assertEquals("No answer in time: the server did not respond before the timeout.",
                FeedProblems.describe(0, "cannot fetch https://a.example/rss: timed out after PT20S"));
        assertEquals("Connection refused: nothing answers at the feed's address.",
                FeedProblems.describe(0, "cannot fetch http://127.0.0.1:9/rss: java.net.ConnectException"));
        assertEquals("Not a readable feed: unexpected end of file in the prolog.",
                FeedProblems.describe(0, "cannot parse feed http://127.0.0.1:8000/broken.xml: unexpected end of file "
                        + "in the prolog"));
        assertEquals("Failed: something new.", FeedProblems.describe(0, "cannot fetch https://a.example/rss: something new"));
        assertEquals("Failed, without a reason recorded.", FeedProblems.describe(0, null));
    }
}
