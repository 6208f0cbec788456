package dev.newsmon.ingest.group;

import dev.newsmon.common.model.FeedStatus;
import dev.newsmon.ingest.feedlist.FeedSource;
import dev.newsmon.ingest.status.PublishedStatuses;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FeedPollerTest {
    private static final FeedSource HARBOUR = new FeedSource("https://harbour-gazette.example/rss", "Harbour Gazette");
    private static final FeedSource LANTERN = new FeedSource("https://lantern-post.example/atom", null);

    private final FeedAssignmentTest.RecordingPoller poller = new FeedAssignmentTest.RecordingPoller();
    private final List<Set<String>> asked = new ArrayList<>();

    @Test
    void aFeedWithAStatusResumesFromItAndTheOthersStartAfresh() {
        FeedStatus harbour = new FeedStatus(FeedStatus.SCHEMA_VERSION, HARBOUR.url(), HARBOUR.url(),
                "Harbour Gazette", null, null, 200, 0, null, null, 4, 4, false, "\"h2\"", null, false);
        PublishedStatuses statuses = urls -> {
            asked.add(urls);
            return Map.of(HARBOUR.url(), harbour);
        };

        int resumed = poller.startFeeds(List.of(HARBOUR, LANTERN), statuses);

        assertEquals(1, resumed);
        assertEquals(List.of(Set.of(HARBOUR.url(), LANTERN.url())), asked, "one read for all the feeds");
        assertEquals(List.of("resume " + HARBOUR.url() + " etag=\"h2\"", "add " + LANTERN.url()), poller.calls);
    }

    @Test
    void noFeedsReadNothing() {
        int resumed = poller.startFeeds(List.of(), urls -> {
            asked.add(urls);
            return Map.of();
        });

        assertEquals(0, resumed);
        assertEquals(List.of(), asked, "news.feed-status is not read for an empty list");
        assertEquals(List.of(), poller.calls);
    }
}
