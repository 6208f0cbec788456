package dev.newsmon.bench.workload;

import com.sun.net.httpserver.HttpServer;
import dev.newsmon.ingest.feedlist.FeedSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Serves the bench's feeds on 127.0.0.1, with conditional GET as a real server does (ETag, 304), and remembers when
 * each feed was first served in full: for a feed that never changes, the moment its items first appeared in a feed
 * response, where end-to-end latency starts.
 */
public final class BenchFeedServer implements AutoCloseable {
    private final ServedFeeds workload;
    private final HttpServer server;
    private final ExecutorService threads;
    private final AtomicLongArray firstServedMillis;
    private final AtomicInteger served = new AtomicInteger();

    public BenchFeedServer(ServedFeeds workload) throws IOException {
        this.workload = workload;
        this.firstServedMillis = new AtomicLongArray(workload.feeds());
        this.threads = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "bench-feed-server");
            t.setDaemon(true);
            return t;
        });
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.setExecutor(threads);
        server.createContext("/f/", exchange -> {
            try (exchange) {
                int feed = Integer.parseInt(exchange.getRequestURI().getPath().replaceAll("\\D", ""));
                if (feed < 0 || feed >= workload.feeds()) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                ServedFeeds.Document document = workload.document(feed);
                exchange.getResponseHeaders().set("ETag", document.etag());
                if (document.etag().equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    exchange.sendResponseHeaders(304, -1);
                    return;
                }
                byte[] body = document.xml().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=UTF-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
                long now = System.currentTimeMillis();
                workload.sent(feed, document, now);
                firstServedMillis.compareAndSet(feed, 0, now);
                served.incrementAndGet();
            }
        });
        server.start();
    }

    public List<FeedSource> feeds() {
        List<FeedSource> feeds = new ArrayList<>(workload.feeds());
        for (int f = 0; f < workload.feeds(); f++) {
            feeds.add(new FeedSource(url(f), "Outlet " + f));
        }
        return feeds;
    }

    public String url(int feed) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/f/" + feed + ".xml";
    }

    /** The feed number of a URL of this server, or -1. */
    public int feedOf(String url) {
        String prefix = "http://127.0.0.1:" + server.getAddress().getPort() + "/f/";
        if (url == null || !url.startsWith(prefix)) {
            return -1;
        }
        return Integer.parseInt(url.substring(prefix.length()).replaceAll("\\D", ""));
    }

    /** Epoch millis when the feed was first served in full, or 0. */
    public long firstServedMillis(int feed) {
        return firstServedMillis.get(feed);
    }

    public int served() {
        return served.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
