package dev.newsmon.app;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import java.io.IOException;
import java.net.InetAddress;

/**
 * OkHttp's MockWebServer on 127.0.0.1, a free port, answering every request with one function: what the tests'
 * feed servers have in common. Closing it closes the connections still open, which ends any answer still waiting.
 */
public final class FeedServer implements AutoCloseable {
    /** The answer to one request; it may block, as a slow server would. */
    public interface Answer {
        MockResponse answer(RecordedRequest request) throws InterruptedException;
    }

    private final MockWebServer server = new MockWebServer();

    private FeedServer(Answer answer) throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                return answer.answer(request);
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    public static FeedServer start(Answer answer) throws IOException {
        return new FeedServer(answer);
    }

    /** A 200 of an RSS feed, for the body to be added. */
    public static MockResponse.Builder rss() {
        return new MockResponse.Builder().setHeader("Content-Type", "application/rss+xml");
    }

    public int port() {
        return server.getPort();
    }

    /** The URL of {@code path} (starting with a slash) on this server. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    @Override
    public void close() {
        server.close();
    }
}
