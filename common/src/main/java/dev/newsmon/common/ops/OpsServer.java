package dev.newsmon.common.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * The operations endpoints of one process on the JDK's HTTP server: {@code /metrics} (Prometheus text format),
 * {@code /health/live} (200 while the process serves at all) and {@code /health/ready} (200 when every readiness
 * condition holds, else 503; the body names each condition).
 */
public final class OpsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpsServer.class);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;

    private OpsServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Listens on all interfaces at {@code port} (0 picks a free one) and serves until {@link #close()}. */
    public static OpsServer start(int port, Metrics metrics, Readiness readiness) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "newsmon-ops-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/metrics", ex -> respond(ex, 200, PROMETHEUS_TEXT, metrics.scrape()));
        server.createContext("/health/live", ex -> respond(ex, 200, "application/json", "{\"status\":\"UP\"}"));
        server.createContext("/health/ready", ex -> {
            Map<String, Boolean> status = readiness.status();
            boolean ready = readiness.ready();
            String checks = status.entrySet().stream()
                    .map(e -> "\"" + e.getKey() + "\":\"" + (e.getValue() ? "UP" : "DOWN") + "\"")
                    .collect(Collectors.joining(","));
            respond(ex, ready ? 200 : 503, "application/json",
                    "{\"status\":\"" + (ready ? "UP" : "DOWN") + "\",\"checks\":{" + checks + "}}");
        });
        server.start();
        LOG.info("ops endpoints listening port={} paths=/metrics,/health/live,/health/ready",
                server.getAddress().getPort());
        return new OpsServer(server, executor);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void respond(HttpExchange ex, int status, String contentType, String body) throws IOException {
        try (ex) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", contentType);
            if ("HEAD".equals(ex.getRequestMethod())) {
                ex.sendResponseHeaders(status, -1);
                return;
            }
            ex.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
