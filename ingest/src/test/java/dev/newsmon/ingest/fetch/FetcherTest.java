package dev.newsmon.ingest.fetch;

import dev.newsmon.ingest.PathDispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FetcherTest {
    private static final int CAP = 64 * 1024;
    private static final byte[] FEED = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>"
            .getBytes(StandardCharsets.UTF_8);

    private final MockWebServer server = new MockWebServer();
    private final PathDispatcher routes = new PathDispatcher();
    private final CountDownLatch releaseSlowHandlers = new CountDownLatch(1);
    private final Fetcher fetcher = new Fetcher(Duration.ofSeconds(2), Duration.ofMillis(500), CAP, "newsmon-test/1");

    @BeforeEach
    void startServer() throws IOException {
        server.setDispatcher(routes);
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stopServer() {
        releaseSlowHandlers.countDown();
        server.close();
    }

    @Test
    void decodesGzipAndSendsFeedHeaders() throws Exception {
        byte[] gzipped = gzip(FEED);
        routes.route("/feed", r -> ok(gzipped).newBuilder()
                .addHeader("Content-Type", "application/rss+xml; charset=utf-8")
                .addHeader("Content-Encoding", "gzip")
                .addHeader("ETag", "\"v1\"")
                .addHeader("Last-Modified", "Tue, 24 Nov 2026 08:00:00 GMT").build());

        FetchResult r = fetcher.fetch(uri("/feed"));

        assertEquals(200, r.status());
        assertArrayEquals(FEED, r.body());
        assertEquals("application/rss+xml; charset=utf-8", r.contentType());
        assertEquals(new Conditional("\"v1\"", "Tue, 24 Nov 2026 08:00:00 GMT"), r.validators());
        var headers = server.takeRequest().getHeaders();
        assertEquals("newsmon-test/1", headers.get("User-Agent"));
        assertTrue(headers.get("Accept-Encoding").contains("gzip"));
        assertTrue(headers.get("Accept").contains("application/rss+xml"));
    }

    @Test
    void decodesDeflate() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var z = new java.util.zip.DeflaterOutputStream(out)) {
            z.write(FEED);
        }
        routes.route("/feed", r -> ok(out.toByteArray()).newBuilder().addHeader("Content-Encoding", "deflate").build());

        assertArrayEquals(FEED, fetcher.fetch(uri("/feed")).body());
    }

    @Test
    void conditionalGetGives304WithoutBody() throws Exception {
        routes.route("/feed", r -> "\"v7\"".equals(r.getHeaders().get("If-None-Match")) ? PathDispatcher.status(304)
                : ok(FEED).newBuilder().addHeader("ETag", "\"v7\"").build());

        FetchResult first = fetcher.fetch(uri("/feed"));
        FetchResult second = fetcher.fetch(uri("/feed"), first.validators());

        assertEquals(200, first.status());
        assertTrue(second.notModified());
        assertEquals(0, second.body().length);
        assertEquals("\"v7\"", second.etag(), "a 304 keeps the validators it was asked with");
        assertEquals(null, server.takeRequest().getHeaders().get("If-None-Match"));
        assertEquals("\"v7\"", server.takeRequest().getHeaders().get("If-None-Match"));
    }

    @Test
    void sendsIfModifiedSince() throws Exception {
        routes.route("/feed", r -> PathDispatcher.status(304));

        FetchResult r = fetcher.fetch(uri("/feed"), new Conditional(null, "Mon, 23 Nov 2026 10:00:00 GMT"));

        assertTrue(r.notModified());
        assertEquals("Mon, 23 Nov 2026 10:00:00 GMT",
                server.takeRequest().getHeaders().get("If-Modified-Since"));
    }

    @Test
    void abortsAFiftyMebibyteBodyOnceItPassesTheCap() throws InterruptedException {
        long fiftyMiB = 50L * 1024 * 1024;
        AtomicLong written = new AtomicLong();
        CountDownLatch serverDone = new CountDownLatch(1);
        routes.route("/huge", r -> new MockResponse.Builder().body(streamed(sink -> {
            byte[] chunk = new byte[8192];
            try {
                while (written.get() < fiftyMiB) {
                    sink.write(chunk);
                    written.addAndGet(chunk.length);
                }
            } catch (IOException clientWentAway) {
                // Expected: the fetcher cancelled the download.
            } finally {
                serverDone.countDown();
            }
        })).build());

        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(uri("/huge")));

        assertTrue(e.getMessage().contains("body exceeds " + CAP + " bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("/huge"), e.getMessage());
        assertTrue(serverDone.await(10, TimeUnit.SECONDS), "the server kept writing");
        assertTrue(written.get() < fiftyMiB, "the body was read to its end: " + written.get());
    }

    @Test
    void tooManyRequestsCarriesTheServersRetryAfter() {
        routes.route("/busy", r -> new MockResponse.Builder().code(429).addHeader("Retry-After", "120").build());

        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(uri("/busy")));

        assertEquals(429, e.status());
        assertEquals(Duration.ofSeconds(120), e.retryAfter());
    }

    @Test
    void aChainOfPermanentRedirectsReportsTheFeedsNewHome() throws Exception {
        routes.route("/a", r -> PathDispatcher.redirect(301, "/b"));
        routes.route("/b", r -> PathDispatcher.redirect(308, "/c"));
        routes.route("/c", r -> ok(FEED).newBuilder().addHeader("Cache-Control", "public, max-age=900").build());

        FetchResult r = fetcher.fetch(uri("/a"));

        assertEquals(uri("/c"), r.movedTo());
        assertEquals(uri("/c"), r.finalUri());
        assertEquals(Duration.ofMinutes(15), r.hints().freshFor());
    }

    @Test
    void aTemporaryHopEndsThePermanentMove() throws Exception {
        routes.route("/a", r -> PathDispatcher.redirect(301, "/b"));
        routes.route("/b", r -> PathDispatcher.redirect(302, "/c"));
        routes.route("/c", r -> ok(FEED));
        routes.route("/t", r -> PathDispatcher.redirect(302, "/c"));

        assertEquals(uri("/b"), fetcher.fetch(uri("/a")).movedTo());
        assertEquals(null, fetcher.fetch(uri("/t")).movedTo(), "a 302 alone is no move");
    }

    @Test
    void aFeedsOwnUserAgentAndHeadersReplaceTheDefault() throws Exception {
        routes.route("/feed", r -> ok(FEED));

        fetcher.fetch(uri("/feed"), Conditional.NONE, java.util.Map.of("User-Agent", "OutletFriendly/2",
                "X-Feed-Token", "t0k"));

        var headers = server.takeRequest().getHeaders();
        assertEquals(List.of("OutletFriendly/2"), headers.values("User-Agent"));
        assertEquals("t0k", headers.get("X-Feed-Token"));
    }

    @Test
    void refusesAnAnnouncedOversizeBody() {
        routes.route("/big", r -> ok(new byte[CAP + 1]));

        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(uri("/big")));

        assertTrue(e.getMessage().contains("body exceeds"), e.getMessage());
    }

    @Test
    void capsTheDecodedSizeOfAGzipBomb() throws Exception {
        byte[] bomb = gzip(new byte[CAP * 16]);
        assertTrue(bomb.length < CAP);
        routes.route("/bomb", r -> ok(bomb).newBuilder().addHeader("Content-Encoding", "gzip").build());

        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(uri("/bomb")));

        assertTrue(e.getMessage().contains("body exceeds"), e.getMessage());
    }

    @Test
    void followsHttpRedirects() throws Exception {
        routes.route("/old", r -> PathDispatcher.redirect(302, "/new"));
        routes.route("/new", r -> ok(FEED));

        FetchResult r = fetcher.fetch(uri("/old"));

        assertArrayEquals(FEED, r.body());
        assertEquals(uri("/new"), r.finalUri());
    }

    @Test
    void refusesARedirectToAFile(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.xml"), "REDIRECT-CANARY");
        routes.route("/sneaky", r -> PathDispatcher.redirect(302, secret.toUri().toString()));

        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(uri("/sneaky")));

        assertTrue(e.getMessage().contains("refused"), e.getMessage());
    }

    @Test
    void aRefusedConnectionSaysSo() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        URI nobody = URI.create("http://127.0.0.1:" + closedPort + "/feed.xml");

        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(nobody));

        assertEquals("cannot fetch " + nobody + ": connection refused", e.getMessage());
    }

    @Test
    void anUnknownHostSaysSo() {
        URI nowhere = URI.create("http://feeds.nosuch.invalid/feed.xml");

        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(nowhere));

        assertEquals("cannot fetch " + nowhere + ": unknown host", e.getMessage());
    }

    @Test
    void givesUpAfterFiveRedirects() {
        routes.route("/loop", r -> PathDispatcher.redirect(302, "/loop"));

        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(uri("/loop")));

        assertTrue(e.getMessage().contains("more than 5 redirects"), e.getMessage());
    }

    @Test
    void serverErrorIsAFetchExceptionWithTheStatus() {
        routes.route("/down", r -> new MockResponse.Builder().code(500).body("oops").build());

        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(uri("/down")));

        assertEquals(500, e.status());
        assertTrue(e.getMessage().contains("HTTP status 500"), e.getMessage());
    }

    @Test
    void slowHeadersTimeOut() {
        routes.route("/slow", r -> {
            awaitRelease();
            return ok(FEED);
        });

        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(uri("/slow")));

        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
    }

    @Test
    void slowBodyTimesOutToo() {
        routes.route("/trickle", r -> new MockResponse.Builder().body(streamed(sink -> {
            try {
                sink.write(FEED, 0, 10);
                sink.flush();
                awaitRelease();
            } catch (IOException clientWentAway) {
                // Expected once the fetcher gives up.
            }
        })).build());

        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(uri("/trickle")));

        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
    }

    @Test
    void readsFileUrlsWithTheSameCap(@TempDir Path dir) throws Exception {
        Path feed = Files.write(dir.resolve("outlet-a.xml"), FEED);
        Path big = Files.write(dir.resolve("big.xml"), new byte[CAP + 1]);

        assertArrayEquals(FEED, fetcher.fetch(feed.toUri()).body());
        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(big.toUri()));
        assertTrue(e.getMessage().contains("body exceeds"), e.getMessage());
        FetchException missing = assertThrows(FetchException.class,
                () -> fetcher.fetch(dir.resolve("absent.xml").toUri()));
        assertTrue(missing.getMessage().contains("no such file"), missing.getMessage());
    }

    @Test
    void refusesOtherSchemes() {
        FetchException e = assertThrows(FetchException.class,
                () -> fetcher.fetch(URI.create("jar:file:/tmp/x.jar!/feed.xml")));

        assertTrue(e.getMessage().contains("unsupported scheme"), e.getMessage());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getPort() + path);
    }

    private void awaitRelease() {
        try {
            releaseSlowHandlers.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static MockResponse ok(byte[] body) {
        return new MockResponse.Builder().body(new Buffer().write(body)).build();
    }

    /** A body of no announced length, written by {@code writer} as it goes. */
    private static MockResponseBody streamed(java.util.function.Consumer<BufferedSink> writer) {
        return new MockResponseBody() {
            @Override
            public long getContentLength() {
                return -1;
            }

            @Override
            public void writeTo(BufferedSink sink) {
                writer.accept(sink);
            }
        };
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(data);
        }
        return out.toByteArray();
    }
}
