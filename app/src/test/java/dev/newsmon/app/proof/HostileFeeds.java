package dev.newsmon.app.proof;

import dev.newsmon.app.FeedServer;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import okio.BufferedSink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * Feeds that fail, one way per feed, by the feed's number: a server that never answers (the client's timeout
 * must fire), a 500, a 200 with garbage, and a body far above the client's size cap.
 */
final class HostileFeeds {
    private static final int KINDS = 4;
    /** Larger than any body cap a test sets. */
    private static final int HUGE_BYTES = 16 * 1024 * 1024;

    private HostileFeeds() {
    }

    /** The answer of hostile feed number {@code feed}. */
    static MockResponse answer(int feed) {
        return switch (feed % KINDS) {
            // Stalls until the client gives up, or until the server closes.
            case 0 -> new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build();
            case 1 -> new MockResponse.Builder().code(500).setHeader("Content-Type", "text/html")
                    .body("<h1>Internal Server Error</h1>").build();
            case 2 -> {
                byte[] noise = new byte[64 * 1024];
                new Random(feed).nextBytes(noise);
                yield FeedServer.rss().body(new Buffer().write(noise)).build();
            }
            default -> FeedServer.rss().body(new Huge()).build();
        };
    }

    /** The start of a feed, then {@link #HUGE_BYTES} of one letter, written as the client reads, of no stated length. */
    private static final class Huge implements MockResponseBody {
        @Override
        public long getContentLength() {
            return -1;
        }

        @Override
        public void writeTo(BufferedSink sink) {
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'a');
            try {
                sink.writeString("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>", StandardCharsets.UTF_8);
                for (int sent = 0; sent < HUGE_BYTES; sent += chunk.length) {
                    sink.write(chunk);
                }
            } catch (IOException clientGaveUp) {
                // The client aborting at its cap is the point of this feed.
            }
        }
    }
}
