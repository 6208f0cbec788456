package dev.newsmon.ingest.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

    private HttpServer server;
    private ExecutorService serverThreads;
    private final CountDownLatch releaseSlowHandlers = new CountDownLatch(1);
    private final List<HttpExchange> requests = new CopyOnWriteArrayList<>();
    private final Fetcher fetcher = new Fetcher(Duration.ofSeconds(2), Duration.ofMillis(500), CAP, "newsmon-test/1");

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serverThreads = Executors.newCachedThreadPool();
        server.setExecutor(serverThreads);
        server.start();
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        releaseSlowHandlers.countDown();
        server.stop(0);
        serverThreads.shutdownNow();
        assertTrue(serverThreads.awaitTermination(5, TimeUnit.SECONDS), "server threads did not stop");
    }

    @Test
    void decodesGzipAndSendsFeedHeaders() throws Exception {
        handle("/feed", ex -> {
            requests.add(ex);
            ex.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            ex.getResponseHeaders().add("ETag", "\"v1\"");
            ex.getResponseHeaders().add("Last-Modified", "Tue, 24 Nov 2026 08:00:00 GMT");
            send(ex, 200, gzip(FEED));
        });

        FetchResult r = fetcher.fetch(uri("/feed"));

        assertEquals(200, r.status());
        assertArrayEquals(FEED, r.body());
        assertEquals("application/rss+xml; charset=utf-8", r.contentType());
        assertEquals(new Conditional("\"v1\"", "Tue, 24 Nov 2026 08:00:00 GMT"), r.validators());
        var headers = requests.get(0).getRequestHeaders();
        assertEquals("newsmon-test/1", headers.getFirst("User-Agent"));
        assertTrue(headers.getFirst("Accept-Encoding").contains("gzip"));
        assertTrue(headers.getFirst("Accept").contains("application/rss+xml"));
    }

    @Test
    void decodesDeflate() throws Exception {
        handle("/feed", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "deflate");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (var z = new java.util.zip.DeflaterOutputStream(out)) {
                z.write(FEED);
            }
            send(ex, 200, out.toByteArray());
        });

        assertArrayEquals(FEED, fetcher.fetch(uri("/feed")).body());
    }

    @Test
    void conditionalGetGives304WithoutBody() throws Exception {
        handle("/feed", ex -> {
            requests.add(ex);
            if ("\"v7\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
                ex.close();
                return;
            }
            ex.getResponseHeaders().add("ETag", "\"v7\"");
            send(ex, 200, FEED);
        });

        FetchResult first = fetcher.fetch(uri("/feed"));
        FetchResult second = fetcher.fetch(uri("/feed"), first.validators());

        assertEquals(200, first.status());
        assertTrue(second.notModified());
        assertEquals(0, second.body().length);
        assertEquals("\"v7\"", second.etag(), "a 304 keeps the validators it was asked with");
        assertEquals(null, requests.get(0).getRequestHeaders().getFirst("If-None-Match"));
        assertEquals("\"v7\"", requests.get(1).getRequestHeaders().getFirst("If-None-Match"));
    }

    @Test
    void sendsIfModifiedSince() throws Exception {
        handle("/feed", ex -> {
            requests.add(ex);
            ex.sendResponseHeaders(304, -1);
            ex.close();
        });

        FetchResult r = fetcher.fetch(uri("/feed"), new Conditional(null, "Mon, 23 Nov 2026 10:00:00 GMT"));

        assertTrue(r.notModified());
        assertEquals("Mon, 23 Nov 2026 10:00:00 GMT",
                requests.get(0).getRequestHeaders().getFirst("If-Modified-Since"));
    }

    @Test
    void abortsAFiftyMebibyteBodyOnceItPassesTheCap() throws InterruptedException {
        long fiftyMiB = 50L * 1024 * 1024;
        AtomicLong written = new AtomicLong();
        CountDownLatch serverDone = new CountDownLatch(1);
        handle("/huge", ex -> {
            ex.sendResponseHeaders(200, 0); // chunked, no length announced
            byte[] chunk = new byte[8192];
            try (OutputStream out = ex.getResponseBody()) {
                while (written.get() < fiftyMiB) {
                    out.write(chunk);
                    written.addAndGet(chunk.length);
                }
            } catch (IOException clientWentAway) {
                // Expected: the fetcher cancelled the download.
            } finally {
                serverDone.countDown();
            }
        });

        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(uri("/huge")));

        assertTrue(e.getMessage().contains("body exceeds " + CAP + " bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("/huge"), e.getMessage());
        assertTrue(serverDone.await(10, TimeUnit.SECONDS), "the server kept writing");
        assertTrue(written.get() < fiftyMiB, "the body was read to its end: " + written.get());
    }

    @Test
    void tooManyRequestsCarriesTheServersRetryAfter() {
        handle("/busy", ex -> {
            ex.getResponseHeaders().add("Retry-After", "120");
            send(ex, 429, new byte[0]);
        });

        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(uri("/busy")));

        assertEquals(429, e.status());
        assertEquals(Duration.ofSeconds(120), e.retryAfter());
    }

    @Test
    void aChainOfPermanentRedirectsReportsTheFeedsNewHome() throws Exception {
        handle("/a", ex -> redirect(ex, 301, "/b"));
        handle("/b", ex -> redirect(ex, 308, "/c"));
        handle("/c", ex -> {
            ex.getResponseHeaders().add("Cache-Control", "public, max-age=900");
            send(ex, 200, FEED);
        });

        FetchResult r = fetcher.fetch(uri("/a"));

        assertEquals(uri("/c"), r.movedTo());
        assertEquals(uri("/c"), r.finalUri());
        assertEquals(Duration.ofMinutes(15), r.hints().freshFor());
    }

    @Test
    void aTemporaryHopEndsThePermanentMove() throws Exception {
        handle("/a", ex -> redirect(ex, 301, "/b"));
        handle("/b", ex -> redirect(ex, 302, "/c"));
        handle("/c", ex -> send(ex, 200, FEED));
        handle("/t", ex -> redirect(ex, 302, "/c"));

        assertEquals(uri("/b"), fetcher.fetch(uri("/a")).movedTo());
        assertEquals(null, fetcher.fetch(uri("/t")).movedTo(), "a 302 alone is no move");
    }

    @Test
    void aFeedsOwnUserAgentAndHeadersReplaceTheDefault() throws Exception {
        handle("/feed", ex -> {
            requests.add(ex);
            send(ex, 200, FEED);
        });

        fetcher.fetch(uri("/feed"), Conditional.NONE, java.util.Map.of("User-Agent", "OutletFriendly/2",
                "X-Feed-Token", "t0k"));

        var headers = requests.get(0).getRequestHeaders();
        assertEquals(List.of("OutletFriendly/2"), headers.get("User-Agent"));
        assertEquals("t0k", headers.getFirst("X-Feed-Token"));
    }

    @Test
    void refusesAnAnnouncedOversizeBody() {
        handle("/big", ex -> send(ex, 200, new byte[CAP + 1]));

        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(uri("/big")));

        assertTrue(e.getMessage().contains("body exceeds"), e.getMessage());
    }

    @Test
    void capsTheDecodedSizeOfAGzipBomb() throws Exception {
        byte[] bomb = gzip(new byte[CAP * 16]);
        assertTrue(bomb.length < CAP);
        handle("/bomb", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            send(ex, 200, bomb);
        });

        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(uri("/bomb")));

        assertTrue(e.getMessage().contains("body exceeds"), e.getMessage());
    }

    @Test
    void followsHttpRedirects() throws Exception {
        handle("/old", ex -> redirect(ex, "/new"));
        handle("/new", ex -> send(ex, 200, FEED));

        FetchResult r = fetcher.fetch(uri("/old"));

        assertArrayEquals(FEED, r.body());
        assertEquals(uri("/new"), r.finalUri());
    }

    @Test
    void refusesARedirectToAFile(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.xml"), "REDIRECT-CANARY");
        handle("/sneaky", ex -> redirect(ex, secret.toUri().toString()));

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
        handle("/loop", ex -> redirect(ex, "/loop"));

        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(uri("/loop")));

        assertTrue(e.getMessage().contains("more than 5 redirects"), e.getMessage());
    }

    @Test
    void serverErrorIsAFetchExceptionWithTheStatus() {
        handle("/down", ex -> send(ex, 500, "oops".getBytes(StandardCharsets.UTF_8)));

        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(uri("/down")));

        assertEquals(500, e.status());
        assertTrue(e.getMessage().contains("HTTP status 500"), e.getMessage());
    }

    @Test
    void slowHeadersTimeOut() {
        handle("/slow", ex -> {
            awaitRelease();
            send(ex, 200, FEED);
        });

        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(uri("/slow")));

        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
    }

    @Test
    void slowBodyTimesOutToo() {
        handle("/trickle", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(FEED, 0, 10);
                out.flush();
                awaitRelease();
            } catch (IOException clientWentAway) {
                // Expected once the fetcher gives up.
            }
        });

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

    private interface Handler {
        void handle(HttpExchange ex) throws IOException;
    }

    private void handle(String path, Handler h) {
        HttpHandler handler = ex -> {
            try {
                h.handle(ex);
            } finally {
                ex.close();
            }
        };
        server.createContext(path, handler);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void awaitRelease() {
        try {
            releaseSlowHandlers.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static void redirect(HttpExchange ex, String location) throws IOException {
        redirect(ex, 302, location);
    }

    private static void redirect(HttpExchange ex, int status, String location) throws IOException {
        ex.getResponseHeaders().add("Location", location);
        ex.sendResponseHeaders(status, -1);
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(data);
        }
        return out.toByteArray();
    }
}
