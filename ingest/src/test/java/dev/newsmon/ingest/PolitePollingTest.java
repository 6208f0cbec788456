package dev.newsmon.ingest;

import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.model.FeedItem;
import dev.newsmon.common.model.FeedStatus;
import dev.newsmon.ingest.feedlist.FeedSource;
import dev.newsmon.ingest.fetch.Fetcher;
import dev.newsmon.ingest.parse.FeedParser;
import dev.newsmon.ingest.publish.ItemPublisher;
import dev.newsmon.ingest.schedule.FeedState;
import dev.newsmon.ingest.seen.SeenItems;
import dev.newsmon.ingest.seen.SeenRecord;
import dev.newsmon.ingest.status.StatusPublisher;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The failure policy and item identity, end to end through the service against a local HTTP server. */
class PolitePollingTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private final NewsmonConfig config = NewsmonConfig.defaults().withKnown(Map.of(
            "ingest.poll.interval", "10s", "ingest.poll.interval.min", "1s", "ingest.http.request.timeout", "3s"));
    private final MockProducer<String, FeedItem> items =
            new MockProducer<>(true, null, new StringSerializer(), JsonSerde.of(FeedItem.class).serializer());
    private final MockProducer<String, FeedStatus> statuses =
            new MockProducer<>(true, null, new StringSerializer(), JsonSerde.of(FeedStatus.class).serializer());
    private final Map<String, SeenRecord> seenTopic = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final List<String> userAgents = new CopyOnWriteArrayList<>();
    private final PathDispatcher routes = new PathDispatcher();
    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(routes);
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void tooManyRequestsWaitsForRetryAfterAndPublishesTheFeedsHealth() {
        serve("/busy", r -> new MockResponse.Builder().code(429).addHeader("Retry-After", "120").build());
        FeedSource busy = feed("/busy");
        try (IngestService service = service(busy)) {
            PollSummary summary = service.pollOnce();

            assertEquals(1, summary.feedsFailed());
            FeedState state = service.feedStates().get(0);
            assertEquals(NOW.plusSeconds(120), state.nextPoll());
            assertEquals(1, state.consecutiveErrors());
        }
        ProducerRecord<String, FeedStatus> status = statuses.history().get(0);
        assertEquals(Topics.FEED_STATUS, status.topic());
        assertEquals(busy.url(), status.key());
        assertEquals(429, status.value().httpStatus());
        assertEquals(1, status.value().consecutiveErrors());
        assertEquals(NOW.plusSeconds(120), status.value().nextPoll());
        assertTrue(status.value().lastError().contains("429"), status.value().lastError());
        assertNull(status.value().lastSuccess());
    }

    @Test
    void aPermanentMoveIsFollowedFromThenOnWithItemIdsUnchanged() {
        serve("/old", r -> PathDispatcher.redirect(301, "/older"));
        serve("/older", r -> PathDispatcher.redirect(308, "/new"));
        serve("/new", r -> respond(200, rss("g-1", "Docking slips a day", "The cargo ship waits.")));
        FeedSource moving = feed("/old");
        try (IngestService service = service(moving)) {
            service.pollOnce();
            service.pollOnce();

            assertEquals(1, hits.get("/old").get(), "the second poll went straight to the new home");
            assertEquals(2, hits.get("/new").get());
            FeedState state = service.feedStates().get(0);
            assertEquals(url("/new"), state.fetchUrl());
            assertEquals(moving.url(), state.key());
        }
        FeedItem item = items.history().get(0).value();
        assertEquals(moving.url(), item.feedUrl(), "items keep the listed URL, so their ids do not move");
        assertEquals(1, items.history().size());
        assertEquals(url("/new"), statuses.history().get(1).value().fetchUrl());
    }

    @Test
    void aTemporaryRedirectLeavesTheFeedWhereItWas() {
        serve("/t", r -> PathDispatcher.redirect(302, "/elsewhere"));
        serve("/elsewhere", r -> respond(200, rss("g-1", "Title", "Text.")));
        try (IngestService service = service(feed("/t"))) {
            service.pollOnce();
            service.pollOnce();

            assertEquals(2, hits.get("/t").get());
            assertEquals(url("/t"), service.feedStates().get(0).fetchUrl());
        }
    }

    @Test
    void goneDisablesTheFeed() {
        serve("/gone", r -> PathDispatcher.status(410));
        try (IngestService service = service(feed("/gone"))) {
            service.pollOnce();
            PollSummary second = service.pollOnce();

            assertEquals(1, hits.get("/gone").get(), "a disabled feed is not polled");
            assertEquals(0, second.feedsOk() + second.feedsFailed());
            assertTrue(service.feedStates().get(0).disabled());
        }
        assertTrue(statuses.history().get(0).value().disabled());
        assertNull(statuses.history().get(0).value().nextPoll());
    }

    @Test
    void changedTextUnderAStableGuidIsProducedOnceMoreAsAnUpdate() {
        AtomicReference<String> body = new AtomicReference<>(rss("g-7", "Spacewalk set", "Two astronauts go out."));
        serve("/feed", r -> respond(200, body.get()));
        try (IngestService service = service(feed("/feed"))) {
            service.pollOnce();
            service.pollOnce();
            body.set(rss("g-7", "Spacewalk set", "Two astronauts go out on Thursday."));
            service.pollOnce();
            body.set(rss("g-8", "Spacewalk set", "Two astronauts go out on Thursday."));
            service.pollOnce();
        }
        List<FeedItem> produced = items.history().stream().map(ProducerRecord::value).toList();
        assertEquals(List.of(0, 1), produced.stream().map(FeedItem::revision).toList(),
                "first sighting, nothing for the unchanged re-poll, one update, nothing for the new guid");
        assertEquals(produced.get(0).itemId(), produced.get(1).itemId());
        assertEquals(1, seenTopic.get(produced.get(0).itemId()).revision());
    }

    @Test
    void aRestartWithTheSeenSetProducesNothingAgain() {
        serve("/feed", r -> respond(200, rss("g-1", "Crew returns", "Soyuz lands safely.")));
        try (IngestService service = service(feed("/feed"))) {
            service.pollOnce();
        }
        SeenItems restored = new SeenItems(seenTopic::put, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(30));
        seenTopic.forEach(restored::restore);
        MockProducer<String, FeedItem> after =
                new MockProducer<>(true, null, new StringSerializer(), JsonSerde.of(FeedItem.class).serializer());
        try (IngestService service = new IngestService(config, List.of(feed("/feed")), reader(),
                new ItemPublisher(after), new StatusPublisher(new MockProducer<>(true, null, new StringSerializer(),
                JsonSerde.of(FeedStatus.class).serializer())), restored, Clock.fixed(NOW, ZoneOffset.UTC),
                new SimpleMeterRegistry())) {
            PollSummary summary = service.pollOnce();
            assertEquals(1, summary.feedsOk());
            assertEquals(0, summary.itemsProduced());
        }
        assertEquals(1, items.history().size());
        assertEquals(0, after.history().size());
    }

    @Test
    void aFeedTakenOverResumesWhereItsPreviousPollerLeftIt() {
        List<String> conditions = new CopyOnWriteArrayList<>();
        serve("/moved", r -> PathDispatcher.redirect(301, "/home"));
        serve("/home", r -> {
            String etag = r.getHeaders().get("If-None-Match");
            conditions.add(String.valueOf(etag));
            if ("\"v1\"".equals(etag)) {
                return PathDispatcher.status(304);
            }
            return new MockResponse.Builder().code(200).addHeader("ETag", "\"v1\"")
                    .body(rss("g-1", "Hatch seal holds", "The leak check passed.")).build();
        });
        FeedSource feed = feed("/moved");
        try (IngestService previous = service(feed)) {
            previous.pollOnce();
        }
        FeedStatus published = statuses.history().get(statuses.history().size() - 1).value();

        try (IngestService next = service()) {
            next.resumeFeed(feed, published);
            PollSummary summary = next.pollOnce();

            assertEquals(0, summary.itemsProduced());
            assertEquals(url("/home"), next.feedStates().get(0).fetchUrl());
        }
        assertEquals(1, hits.get("/moved").get(), "the new owner went straight to where the feed moved");
        assertEquals(List.of("null", "\"v1\""), conditions, "and asked conditionally: a 304, no body");
    }

    @Test
    void theDefaultUserAgentNamesNewsmonAndAFeedMaySetItsOwn() {
        serve("/a", r -> respond(200, rss("g-1", "A", "a.")));
        serve("/b", r -> respond(200, rss("g-2", "B", "b.")));
        FeedSource own = new FeedSource(url("/b"), "B", Map.of("User-Agent", "PoliteReader/3"), null);
        try (IngestService service = service(feed("/a"), own)) {
            service.pollOnce();
        }
        assertEquals(2, userAgents.size());
        assertTrue(userAgents.contains("PoliteReader/3"), userAgents.toString());
        assertTrue(userAgents.stream().anyMatch(ua -> ua.startsWith("newsmon/")), userAgents.toString());
    }

    private IngestService service(FeedSource... feeds) {
        return new IngestService(config, List.of(feeds), reader(), new ItemPublisher(items),
                new StatusPublisher(statuses), new SeenItems(seenTopic::put, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(30)), Clock.fixed(NOW, ZoneOffset.UTC),
                new SimpleMeterRegistry());
    }

    private FeedReader reader() {
        return new FeedReader(new Fetcher(config), new FeedParser(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private void serve(String path, PathDispatcher.Route route) {
        routes.route(path, request -> {
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            userAgents.add(request.getHeaders().get("User-Agent"));
            return route.answer(request);
        });
    }

    private FeedSource feed(String path) {
        return new FeedSource(url(path), "Test Outlet");
    }

    private String url(String path) {
        return server.url(path).toString();
    }

    private static MockResponse respond(int status, String body) {
        return new MockResponse.Builder().code(status).body(body).build();
    }

    private static String rss(String guid, String title, String text) {
        return ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Test Outlet</title>"
                + "<link>https://test-outlet.example/</link><item><guid isPermaLink=\"false\">" + guid + "</guid>"
                + "<title>" + title + "</title><link>https://test-outlet.example/story</link>"
                + "<description>" + text + "</description></item></channel></rss>");
    }
}
