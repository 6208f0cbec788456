package dev.newsmon.common.ops;

import dev.newsmon.common.config.ConfigException;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What one process exposes for operations: its metrics, its readiness, and the HTTP server serving both. */
public final class Ops implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Ops.class);

    private final Metrics metrics;
    private final Readiness readiness;
    private final OpsServer server;
    private final List<AutoCloseable> binders = new CopyOnWriteArrayList<>();

    private Ops(Metrics metrics, Readiness readiness, OpsServer server) {
        this.metrics = metrics;
        this.readiness = readiness;
        this.server = server;
    }

    /**
     * Starts the endpoints on {@code ops.http.port} before the services exist, so liveness answers during a slow
     * start while readiness says DOWN.
     *
     * @throws ConfigException when the port cannot be bound: a start-up error, named by its key
     */
    public static Ops start(NewsmonConfig config, String service) throws ConfigException {
        int port = config.get(Settings.OPS_HTTP_PORT);
        Metrics metrics = new Metrics(service);
        Readiness readiness = new Readiness();
        try {
            return new Ops(metrics, readiness, OpsServer.start(port, metrics, readiness));
        } catch (IOException e) {
            metrics.close();
            throw new ConfigException(Settings.OPS_HTTP_PORT.key() + "=" + port + ": cannot listen: " + e.getMessage());
        }
    }

    public MeterRegistry registry() {
        return metrics.registry();
    }

    /** Binds meters (e.g. KafkaClientMetrics); a binder that holds resources is closed with this. */
    public void bind(MeterBinder binder) {
        binder.bindTo(metrics.registry());
        if (binder instanceof AutoCloseable c) {
            binders.add(c);
        }
    }

    public Metrics metrics() {
        return metrics;
    }

    public Readiness readiness() {
        return readiness;
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
        for (AutoCloseable binder : binders) {
            try {
                binder.close();
            } catch (Exception e) {
                LOG.warn("metrics binder did not close binder={} error={}", binder.getClass().getSimpleName(), e.toString());
            }
        }
        metrics.close();
    }
}
