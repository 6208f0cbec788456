package dev.newsmon.app;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
    private final HttpServer server;
    private final String folder;
    private final AtomicInteger notModified = new AtomicInteger();

    FixtureFeedServer(String folder) throws IOException {
        this.folder = folder;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange; InputStream in = FixtureFeedServer.class.getResourceAsStream(
                    folder + exchange.getRequestURI().getPath())) {
                if (in == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = in.readAllBytes();
                String etag = "\"" + Integer.toHexString(Arrays.hashCode(body)) + "\"";
                exchange.getResponseHeaders().set("ETag", etag);
                if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    notModified.incrementAndGet();
                    exchange.sendResponseHeaders(304, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    /** Requests answered 304 Not Modified: conditional requests that named a feed's current ETag. */
    int notModified() {
        return notModified.get();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Writes a plain-text feed list naming each fixture feed by its URL on this server. */
    Path writeFeedList(Path dir) throws IOException {
        String listed;
        try (InputStream in = FixtureFeedServer.class.getResourceAsStream(folder + "/feeds.txt")) {
            listed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> urls = listed.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(name -> "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name).toList();
        Path list = dir.resolve("feeds.txt");
        Files.write(list, urls);
        return list;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
