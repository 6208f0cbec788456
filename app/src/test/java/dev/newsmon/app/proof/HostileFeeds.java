package dev.newsmon.app.proof;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Feeds that fail, one way per feed, by the feed's number: a server that never answers (the client's timeout
 * must fire), a 500, a 200 with garbage, and a body far above the client's size cap.
 */
final class HostileFeeds {
    private static final int KINDS = 4;
    /** Larger than any body cap a test sets. */
    private static final int HUGE_BYTES = 16 * 1024 * 1024;
    private static final long HANG_MILLIS = 120_000;

    private HostileFeeds() {
    }

    private static String kind(int feed) {
        return switch (feed % KINDS) {
            case 0 -> "hang";
            case 1 -> "500";
            case 2 -> "garbage";
            default -> "huge";
        };
    }

    static void serve(HttpExchange exchange, CountDownLatch closing) throws IOException, InterruptedException {
        int feed = Integer.parseInt(exchange.getRequestURI().getPath().replaceAll("\\D", ""));
        switch (kind(feed)) {
            case "hang" -> closing.await(HANG_MILLIS, TimeUnit.MILLISECONDS);
            case "500" -> StoryWorkload.respond(exchange, 500, "text/html",
                    "<h1>Internal Server Error</h1>".getBytes(StandardCharsets.UTF_8));
            case "garbage" -> {
                byte[] noise = new byte[64 * 1024];
                new Random(feed).nextBytes(noise);
                StoryWorkload.respond(exchange, 200, "application/rss+xml", noise);
            }
            default -> {
                exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
                exchange.sendResponseHeaders(200, 0);
                byte[] chunk = new byte[64 * 1024];
                Arrays.fill(chunk, (byte) 'a');
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>"
                            .getBytes(StandardCharsets.UTF_8));
                    for (int sent = 0; sent < HUGE_BYTES; sent += chunk.length) {
                        out.write(chunk);
                    }
                } catch (IOException clientGaveUp) {
                    // The client aborting at its cap is the point of this feed.
                }
            }
        }
    }
}
