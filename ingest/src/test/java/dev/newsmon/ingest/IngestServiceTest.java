package dev.newsmon.ingest;

import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.model.FeedItem;
import dev.newsmon.common.model.FeedStatus;
import dev.newsmon.ingest.seen.SeenItems;
import dev.newsmon.ingest.seen.SeenStore;
import dev.newsmon.ingest.status.StatusPublisher;
import dev.newsmon.ingest.feedlist.FeedSource;
import dev.newsmon.ingest.fetch.Fetcher;
import dev.newsmon.ingest.parse.FeedParser;
import dev.newsmon.ingest.publish.ItemPublisher;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IngestServiceTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final FeedSource LEDGER = source("orbital-ledger-rss2.xml", "Orbital Ledger");
    private static final FeedSource MERIDIAN = source("meridian-rdf.xml", "Meridian Wire");
    private static final FeedSource BROKEN = source("broken.xml", "Half a Feed");

    private final NewsmonConfig config = NewsmonConfig.defaults().withKnown(Map.of(
            "ingest.concurrency", "2", "ingest.poll.interval", "1h", "ingest.http.request.timeout", "2s"));
    private final FeedReader reader = new FeedReader(new Fetcher(config), new FeedParser(),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final MockProducer<String, FeedItem> producer =
            new MockProducer<>(true, null, new StringSerializer(), JsonSerde.of(FeedItem.class).serializer());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void aMalformedFeedIsCountedWhileTheGoodOnesAreProduced() {
        try (IngestService service = service(List.of(LEDGER, BROKEN, MERIDIAN))) {
            PollSummary summary = service.pollOnce();

            assertEquals(2, summary.feedsOk());
            assertEquals(1, summary.feedsFailed());
            assertEquals(3, summary.itemsProduced());
            assertEquals(1, summary.errors().size());
            assertTrue(summary.errors().get(0).contains(BROKEN.url()), summary.errors().get(0));
            assertEquals(1, counted("newsmon.ingest.parse.failures"));
            assertEquals(0, counted("newsmon.ingest.fetch.failures"));
            assertEquals(1, counted("newsmon.ingest.feed.failures", "feed_url", BROKEN.url()),
                    "failures are counted per feed");
            assertEquals(0, counted("newsmon.ingest.feed.failures", "feed_url", LEDGER.url()));

            List<ProducerRecord<String, FeedItem>> sent = producer.history();
            assertEquals(3, sent.size());
            assertTrue(sent.stream().allMatch(r -> r.topic().equals(Topics.ITEMS)));
            assertTrue(sent.stream().allMatch(r -> r.key().equals(r.value().itemId())));
            assertEquals(Set.of("Orbital Ledger", "Meridian Wire"),
                    sent.stream().map(r -> r.value().outlet()).collect(Collectors.toSet()));
            assertTrue(sent.stream().allMatch(r -> r.value().fetched().equals(NOW)));
        }
    }

    @Test
    void aMissingFeedIsAFetchFailure() {
        FeedSource missing = new FeedSource(LEDGER.url().replace("orbital-ledger-rss2.xml", "absent.xml"), "Gone");
        try (IngestService service = service(List.of(missing, MERIDIAN))) {
            PollSummary summary = service.pollOnce();

            assertEquals(1, summary.feedsOk());
            assertEquals(1, summary.feedsFailed());
            assertEquals(1, counted("newsmon.ingest.fetch.failures"));
            assertTrue(summary.errors().get(0).contains("no such file"), summary.errors().get(0));
        }
    }

    @Test
    void countersAddUpAcrossPollsAndUnchangedItemsAreNotProducedAgain() {
        try (IngestService service = service(List.of(LEDGER, BROKEN))) {
            service.pollOnce();
            PollSummary second = service.pollOnce();

            assertEquals(2, counted("newsmon.ingest.feeds.polled", "outcome", "ok"));
            assertEquals(2, counted("newsmon.ingest.feeds.polled", "outcome", "failed"));
            assertEquals(2, counted("newsmon.ingest.items.produced"));
            assertEquals(0, second.itemsProduced());
        }
    }

    @Test
    void remembersValidatorsForConditionalGetsAcrossPolls() throws Exception {
        byte[] body = Fixtures.feed("meridian-rdf.xml");
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().addHeader("ETag", "\"m1\"").body(new Buffer().write(body))
                    .build());
            server.enqueue(new MockResponse.Builder().code(304).build());
            server.start();
            FeedSource http = new FeedSource(server.url("/rss").toString(), "Meridian");
            try (IngestService service = service(List.of(http))) {
                PollSummary first = service.pollOnce();
                PollSummary second = service.pollOnce();

                assertEquals(1, first.itemsProduced());
                assertEquals(1, second.feedsOk());
                assertEquals(0, second.itemsProduced());
                assertEquals(1, counted("newsmon.ingest.feeds.not.modified"), "the second poll was a 304");
            }
            assertNull(server.takeRequest().getHeaders().get("If-None-Match"), "the first poll is unconditional");
            assertEquals("\"m1\"", server.takeRequest().getHeaders().get("If-None-Match"));
        }
    }

    @Test
    void aFeedRemovedBeforeItsTurnDoesNotHoldUpPollOnce() throws Exception {
        CountDownLatch requested = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        byte[] body = Fixtures.feed("meridian-rdf.xml");
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                requested.countDown();
                answer.await();
                return new MockResponse.Builder().body(new Buffer().write(body)).build();
            }
        });
        server.start();
        FeedSource slow = new FeedSource(server.url("/rss").toString(), "Slow");
        NewsmonConfig oneAtATime = config.withKnown(Map.of("ingest.concurrency", "1"));
        try (IngestService service = new IngestService(oneAtATime, List.of(slow, LEDGER), reader,
                new ItemPublisher(producer), new StatusPublisher(new MockProducer<>(true, null,
                new StringSerializer(), JsonSerde.of(FeedStatus.class).serializer())),
                new SeenItems(SeenStore.NONE, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(30)),
                Clock.fixed(NOW, ZoneOffset.UTC), registry)) {
            CompletableFuture<PollSummary> poll = CompletableFuture.supplyAsync(service::pollOnce);
            assertTrue(requested.await(5, TimeUnit.SECONDS));
            service.removeFeed(LEDGER.url());
            answer.countDown();

            PollSummary summary = poll.get(5, TimeUnit.SECONDS);
            assertEquals(1, summary.feedsOk());
            assertEquals(0, summary.feedsFailed());
        } finally {
            answer.countDown();
            server.close();
        }
    }

    @Test
    void runForeverPollsUntilCloseWhichReturnsPromptlyAndClosesTheProducer() throws InterruptedException {
        IngestService service = service(List.of(LEDGER, MERIDIAN));
        Thread runner = new Thread(service::runForever, "ingest-runner");
        runner.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> counted("newsmon.ingest.feeds.polled", "outcome", "ok"), is(2.0));
        long start = System.nanoTime();
        service.close();
        runner.join(Duration.ofSeconds(5).toMillis());

        assertFalse(runner.isAlive(), "runForever did not return after close");
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(5)) < 0);
        assertTrue(producer.closed());
        assertEquals(3, producer.history().size(), "the one-hour interval must not have allowed a second poll");
    }

    @Test
    void runForeverStopsWhenInterrupted() throws InterruptedException {
        try (IngestService service = service(List.of(MERIDIAN))) {
            Thread runner = new Thread(service::runForever, "ingest-runner");
            runner.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> counted("newsmon.ingest.feeds.polled", "outcome", "ok"), is(1.0));

            runner.interrupt();
            runner.join(Duration.ofSeconds(5).toMillis());

            assertFalse(runner.isAlive());
        }
    }

    @Test
    void pollAfterCloseIsRefused() {
        IngestService service = service(List.of(MERIDIAN));
        service.close();

        assertThrows(IllegalStateException.class, service::pollOnce);
        assertTrue(producer.closed());
    }

    private IngestService service(List<FeedSource> feeds) {
        return new IngestService(config, feeds, reader, new ItemPublisher(producer),
                new StatusPublisher(new MockProducer<>(true, null, new StringSerializer(),
                        JsonSerde.of(FeedStatus.class).serializer())),
                new SeenItems(SeenStore.NONE, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(30)),
                Clock.fixed(NOW, ZoneOffset.UTC), registry);
    }

    private double counted(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    private static FeedSource source(String file, String name) {
        return new FeedSource(Fixtures.feedPath(file).toUri().toString(), name);
    }
}
