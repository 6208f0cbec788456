package dev.newsmon.app;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves one fixture folder of feeds over HTTP on 127.0.0.1, each with an ETag (a 304 when the request names it),
 * and writes a feed list pointing at it.
 */
final class FixtureFeedServer implements AutoCloseable {
    private final String folder;
    private final AtomicInteger notModified = new AtomicInteger();
    private final FeedServer server;

    FixtureFeedServer(String folder) throws IOException {
        this.folder = folder;
        server = FeedServer.start(this::answer);
    }

    private MockResponse answer(RecordedRequest request) {
        byte[] body;
        try (InputStream in = FixtureFeedServer.class.getResourceAsStream(folder + request.getUrl().encodedPath())) {
            if (in == null) {
                return new MockResponse.Builder().code(404).build();
            }
            body = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String etag = "\"" + Integer.toHexString(Arrays.hashCode(body)) + "\"";
        if (etag.equals(request.getHeaders().get("If-None-Match"))) {
            notModified.incrementAndGet();
            return new MockResponse.Builder().code(304).setHeader("ETag", etag).build();
        }
        return FeedServer.rss().setHeader("ETag", etag).body(new Buffer().write(body)).build();
    }

    /** Requests answered 304 Not Modified: conditional requests that named a feed's current ETag. */
    int notModified() {
        return notModified.get();
    }

    int port() {
        return server.port();
    }

    /** Writes a plain-text feed list naming each fixture feed by its URL on this server. */
    Path writeFeedList(Path dir) throws IOException {
        String listed;
        try (InputStream in = FixtureFeedServer.class.getResourceAsStream(folder + "/feeds.txt")) {
            listed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> urls = listed.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(name -> server.url("/" + name)).toList();
        Path list = dir.resolve("feeds.txt");
        Files.write(list, urls);
        return list;
    }

    @Override
    public void close() {
        server.close();
    }
}
