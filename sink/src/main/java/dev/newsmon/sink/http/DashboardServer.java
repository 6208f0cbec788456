package dev.newsmon.sink.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.io.FeedException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.newsmon.common.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The sink's one HTTP server: the dashboard ({@code /}), its data ({@code /api/stories}, {@code /api/feeds}),
 * live updates over Server-Sent Events ({@code /events}) and the Atom feed of alerts ({@code /feed.atom},
 * optionally {@code ?tag=...}). Plain JDK server; the page is static HTML and one script.
 */
public final class DashboardServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);
    private static final long KEEPALIVE_SECONDS = 15;
    private static final Map<String, String> STATIC = Map.of(
            "/", "index.html", "/index.html", "index.html", "/dashboard.js", "dashboard.js",
            "/dashboard.css", "dashboard.css");

    private final HttpServer server;
    private final ExecutorService executor;
    private final AlertView view;
    private final Clock clock;
    private volatile boolean open = true;

    private DashboardServer(HttpServer server, ExecutorService executor, AlertView view, Clock clock) {
        this.server = server;
        this.executor = executor;
        this.view = view;
        this.clock = clock;
    }

    public static DashboardServer start(String bind, int port, AlertView view, Clock clock) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 0);
        // Each open event stream holds a thread; a cached pool grows with the watchers.
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "newsmon-dashboard");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        DashboardServer dashboard = new DashboardServer(server, executor, view, clock);
        server.createContext("/", dashboard::serve);
        server.start();
        return dashboard;
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8080/}. */
    public String url() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getHostString();
        return "http://" + host + ":" + a.getPort() + "/";
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try {
            if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", "GET only".getBytes(StandardCharsets.UTF_8));
            } else if (STATIC.containsKey(path)) {
                serveResource(exchange, STATIC.get(path));
            } else if (path.equals("/api/stories")) {
                send(exchange, 200, "application/json",
                        Json.mapper().writeValueAsBytes(view.stories(query(exchange.getRequestURI(), "tag"))));
            } else if (path.equals("/api/feeds")) {
                send(exchange, 200, "application/json", Json.mapper().writeValueAsBytes(view.feeds()));
            } else if (path.equals("/feed.atom")) {
                String tag = query(exchange.getRequestURI(), "tag");
                String self = url() + "feed.atom" + (tag == null ? "" : "?tag=" + tag);
                send(exchange, 200, "application/atom+xml; charset=utf-8",
                        AtomFeed.render(view.stories(tag), self, tag, clock.instant()).getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/events")) {
                streamEvents(exchange);
            } else {
                send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            }
        } catch (FeedException e) {
            LOG.error("cannot render the Atom feed path={}: {}", path, e.toString());
            send(exchange, 500, "text/plain", "feed error".getBytes(StandardCharsets.UTF_8));
        } finally {
            exchange.close();
        }
    }

    private void serveResource(HttpExchange exchange, String name) throws IOException {
        try (InputStream in = DashboardServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("dashboard resource " + name + " is missing from the class path");
            }
            String type = name.endsWith(".js") ? "text/javascript" : name.endsWith(".css") ? "text/css" : "text/html";
            send(exchange, 200, type + "; charset=utf-8", in.readAllBytes());
        }
    }

    /** One Server-Sent Events stream: {@code story} events with a story's JSON, {@code feed} with a status. */
    private void streamEvents(HttpExchange exchange) throws IOException {
        BlockingQueue<String> events = new LinkedBlockingQueue<>(10_000);
        Consumer<StoryView> onStory = s -> events.offer(event("story", s));
        Consumer<JsonNode> onFeed = f -> events.offer(event("feed", f));
        view.onStory(onStory);
        view.onFeedStatus(onFeed);
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (open) {
                String e = events.poll(KEEPALIVE_SECONDS, TimeUnit.SECONDS);
                out.write((e == null ? ": keepalive\n\n" : e).getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException e) {
            LOG.debug("event stream closed by remote={}: {}", exchange.getRemoteAddress(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            view.removeStoryListener(onStory);
            view.removeFeedListener(onFeed);
        }
    }

    private static String event(String name, Object data) {
        try {
            return "event: " + name + "\ndata: " + Json.mapper().writeValueAsString(data) + "\n\n";
        } catch (IOException e) {
            throw new IllegalStateException("a view record always serializes", e);
        }
    }

    private static String query(URI uri, String name) {
        String q = uri.getRawQuery();
        if (q == null) {
            return null;
        }
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                String v = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                return v.isEmpty() ? null : v;
            }
        }
        return null;
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        open = false;
        server.stop(0);
        executor.shutdownNow();
    }
}
