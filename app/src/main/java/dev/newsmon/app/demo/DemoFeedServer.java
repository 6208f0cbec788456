package dev.newsmon.app.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Serves the bundled sample feeds over HTTP on 127.0.0.1, so the demo polls them the way it polls the web:
 * through the same fetcher, with ETags and a 304 for an unchanged feed.
 */
public final class DemoFeedServer implements AutoCloseable {
    private static final String ROOT = "/demo/";

    private final HttpServer server;
    private final Map<String, byte[]> feeds;

    private DemoFeedServer(HttpServer server, Map<String, byte[]> feeds) {
        this.server = server;
        this.feeds = feeds;
    }

    /**
     * @param port a fixed port: item ids are scoped to the feed URL, so the URLs, port included, must be the same
     *             at every start, or a restarted demo would see every item as new
     */
    public static DemoFeedServer start(int port) throws IOException {
        Map<String, byte[]> feeds = new LinkedHashMap<>();
        for (String name : listedFeeds()) {
            feeds.put(name, resource(name));
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (BindException e) {
            throw new IOException("port " + port + " for the demo feeds is taken; pass --feeds-port", e);
        }
        DemoFeedServer demo = new DemoFeedServer(server, Map.copyOf(feeds));
        server.createContext(ROOT, demo::serve);
        server.start();
        return demo;
    }

    /** The URLs of the sample feeds, in the order of demo/feeds.txt. */
    public List<String> feedUrls() {
        return listedFeeds().stream().map(name -> baseUrl() + name).toList();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + ROOT;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String name = exchange.getRequestURI().getPath().substring(ROOT.length());
            byte[] body = feeds.get(name);
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String etag = "\"" + Integer.toHexString(Arrays.hashCode(body)) + "\"";
            exchange.getResponseHeaders().set("ETag", etag);
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            // No charset parameter: each feed's XML declaration names its own, as the Russian ones' do.
            exchange.getResponseHeaders().set("Content-Type", "application/xml");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static List<String> listedFeeds() {
        String list = new String(resource("feeds.txt"), StandardCharsets.UTF_8);
        return list.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static byte[] resource(String name) {
        try (InputStream in = DemoFeedServer.class.getResourceAsStream(ROOT + name)) {
            return Objects.requireNonNull(in, "missing demo resource " + name).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demo resource " + name, e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
