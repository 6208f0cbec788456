package dev.newsmon.sink.http;

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
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The sink's one HTTP server: the dashboard ({@code /}) and its story pages ({@code /story/ID}), their data
 * ({@code /api/stories}, {@code /api/stories/ID}, {@code /api/feeds}, {@code /api/search}, {@code /api/info}), live
 * updates over Server-Sent Events ({@code /events}) and the Atom feed of alerts ({@code /feed.atom}, optionally
 * {@code ?tag=...}, or a search's results with {@code ?q=...}). Plain JDK server; the pages are static HTML and
 * scripts. Search needs a {@link StoryArchive}; without one it answers 503 and says how to get one.
 */
public final class DashboardServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);
    private static final long KEEPALIVE_SECONDS = 15;
    /** What a search answers when no database is configured. */
    static final String NO_ARCHIVE = "Search needs the PostgreSQL sink, which keeps every alert: set "
            + "sink.postgres.enabled=true and restart (docs/sinks.md says how to set up the database). The stories "
            + "of the last window are listed on the dashboard without it.";
    private static final Map<String, String> STATIC = Map.of(
            "/", "index.html", "/index.html", "index.html", "/dashboard.js", "dashboard.js",
            "/dashboard.css", "dashboard.css", "/story.js", "story.js", "/ui.js", "ui.js");
    private static final String STORY_PAGE = "/story/";
    private static final String STORY_API = "/api/stories/";

    private final HttpServer server;
    private final ExecutorService executor;
    private final AlertView view;
    private final StoryArchive archive;
    private final Clock clock;
    private volatile boolean open = true;

    private DashboardServer(HttpServer server, ExecutorService executor, AlertView view, StoryArchive archive,
                            Clock clock) {
        this.server = server;
        this.executor = executor;
        this.view = view;
        this.archive = archive;
        this.clock = clock;
    }

    /** @param archive where search and stories older than the window are found; null when there is none */
    public static DashboardServer start(String bind, int port, AlertView view, StoryArchive archive, Clock clock)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 0);
        // Each open event stream holds a thread; a cached pool grows with the watchers.
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "newsmon-dashboard");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        DashboardServer dashboard = new DashboardServer(server, executor, view, archive, clock);
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
        URI uri = exchange.getRequestURI();
        String path = uri.getPath();
        try {
            Map<String, String> params = params(uri);
            if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", "GET only".getBytes(StandardCharsets.UTF_8));
            } else if (STATIC.containsKey(path)) {
                serveResource(exchange, STATIC.get(path));
            } else if (path.startsWith(STORY_PAGE) && path.length() > STORY_PAGE.length()) {
                serveResource(exchange, "story.html");
            } else if (path.equals("/api/info")) {
                json(exchange, 200, new Info(view.window().toSeconds(), hours(view.window()), archive != null,
                        archive == null ? NO_ARCHIVE : null));
            } else if (path.equals("/api/stories")) {
                json(exchange, 200, view.stories(params.get("tag")));
            } else if (path.startsWith(STORY_API) && path.length() > STORY_API.length()) {
                serveStory(exchange, path.substring(STORY_API.length()));
            } else if (path.equals("/api/feeds")) {
                json(exchange, 200, view.feeds());
            } else if (path.equals("/api/search")) {
                serveSearch(exchange, params);
            } else if (path.equals("/feed.atom")) {
                serveAtom(exchange, params, uri.getRawQuery());
            } else if (path.equals("/events")) {
                streamEvents(exchange, params.get("story"));
            } else {
                send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            }
        } catch (IllegalArgumentException e) {
            json(exchange, 400, new Problem(e.getMessage()));
        } catch (FeedException e) {
            LOG.error("cannot render the Atom feed path={}: {}", path, e.toString());
            send(exchange, 500, "text/plain", "feed error".getBytes(StandardCharsets.UTF_8));
        } finally {
            exchange.close();
        }
    }

    /** What the page needs to know before it asks for data. */
    private record Info(long windowSeconds, String windowLabel, boolean search, String searchUnavailable) {
    }

    /** An answer that is not the data asked for, in words. */
    private record Problem(String error) {
    }

    private record SearchResult(SearchQuery query, List<SearchHit> hits) {
    }

    /** A story of the window, else of the archive. */
    private void serveStory(HttpExchange exchange, String rawId) throws IOException {
        String id = URLDecoder.decode(rawId, StandardCharsets.UTF_8);
        Optional<StoryView> story = view.story(id);
        if (story.isEmpty() && archive != null) {
            try {
                story = archive.story(id);
            } catch (IOException e) {
                LOG.error("dashboard cannot read a story from the archive: {}", e.getMessage());
                json(exchange, 503, new Problem("The story is not in the last " + hours(view.window())
                        + " and the database cannot be read now: " + e.getMessage()));
                return;
            }
        }
        if (story.isPresent()) {
            json(exchange, 200, story.get());
        } else {
            json(exchange, 404, new Problem("No story " + id + " in the last " + hours(view.window())
                    + (archive == null ? "; older stories are kept only with the PostgreSQL sink." : " nor in the database.")));
        }
    }

    private void serveSearch(HttpExchange exchange, Map<String, String> params) throws IOException {
        SearchQuery query = SearchQuery.of(params);
        List<SearchHit> hits = search(exchange, query);
        if (hits != null) {
            json(exchange, 200, new SearchResult(query, hits));
        }
    }

    /** The hits, or null when the answer (503) was sent instead. */
    private List<SearchHit> search(HttpExchange exchange, SearchQuery query) throws IOException {
        if (archive == null) {
            json(exchange, 503, new Problem(NO_ARCHIVE));
            return null;
        }
        try {
            return archive.search(query);
        } catch (IOException e) {
            LOG.error("dashboard search failed: {}", e.getMessage());
            json(exchange, 503, new Problem("The database cannot be searched now: " + e.getMessage()));
            return null;
        }
    }

    /** The window's stories (optionally of one tag), or with {@code q}, {@code from} or {@code to} a search's. */
    private void serveAtom(HttpExchange exchange, Map<String, String> params, String rawQuery)
            throws IOException, FeedException {
        String query = rawQuery == null ? "" : "?" + rawQuery;
        String self = url() + "feed.atom" + query;
        String tag = params.get("tag");
        String xml;
        if (params.containsKey("q") || params.containsKey("from") || params.containsKey("to")) {
            SearchQuery search = SearchQuery.of(params);
            List<SearchHit> hits = search(exchange, search);
            if (hits == null) {
                return;
            }
            xml = AtomFeed.render(hits.stream().map(SearchHit::story).toList(), self, url() + query,
                    "newsmon search: " + search.describe(), clock.instant());
        } else {
            xml = AtomFeed.render(view.stories(tag), self, url(), tag == null ? "newsmon alerts" : "newsmon alerts: " + tag,
                    clock.instant());
        }
        send(exchange, 200, "application/atom+xml; charset=utf-8", xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String hours(Duration d) {
        return d.toMinutesPart() == 0 ? d.toHours() + " h" : d.toMinutes() + " min";
    }

    private void serveResource(HttpExchange exchange, String name) throws IOException {
        try (InputStream in = DashboardServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("dashboard resource " + name + " is missing from the class path");
            }
            String type = name.endsWith(".js") ? "text/javascript" : name.endsWith(".css") ? "text/css" : "text/html";
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            send(exchange, 200, type + "; charset=utf-8", in.readAllBytes());
        }
    }

    /**
     * One Server-Sent Events stream: {@code story} events with a story's JSON, {@code feed} with a status,
     * {@code feed-removed} with the URL of a feed deleted from the feed list. With {@code story} (a story page), only
     * that story's events, under any of its ids, and no feed's.
     */
    private void streamEvents(HttpExchange exchange, String story) throws IOException {
        BlockingQueue<String> events = new LinkedBlockingQueue<>(10_000);
        Consumer<StoryView> onStory = s -> {
            if (story == null || s.storyId().equals(story) || s.aliases().contains(story)) {
                events.offer(event("story", s));
            }
        };
        Consumer<FeedHealth> onFeed = f -> events.offer(event("feed", f));
        Consumer<String> onFeedRemoved = url -> events.offer(event("feed-removed", Map.of("feed_url", url)));
        view.onStory(onStory);
        if (story == null) {
            view.onFeedStatus(onFeed);
            view.onFeedRemoved(onFeedRemoved);
        }
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
            view.removeFeedRemovedListener(onFeedRemoved);
        }
    }

    private static String event(String name, Object data) {
        try {
            return "event: " + name + "\ndata: " + Json.mapper().writeValueAsString(data) + "\n\n";
        } catch (IOException e) {
            throw new IllegalStateException("a view record always serializes", e);
        }
    }

    /** The query's parameters, each with its first non-empty value. */
    private static Map<String, String> params(URI uri) {
        Map<String, String> out = new HashMap<>();
        String q = uri.getRawQuery();
        if (q == null) {
            return out;
        }
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                String v = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8).strip();
                if (!v.isEmpty()) {
                    out.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), v);
                }
            }
        }
        return out;
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json", Json.mapper().writeValueAsBytes(body));
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
