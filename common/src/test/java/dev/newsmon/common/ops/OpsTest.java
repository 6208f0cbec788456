package dev.newsmon.common.ops;

import dev.newsmon.common.config.ConfigException;
import dev.newsmon.common.config.NewsmonConfig;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpsTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void readyOnlyOnceEveryConditionHolds() throws Exception {
        try (Ops ops = Ops.start(NewsmonConfig.defaults(), "test")) {
            assertEquals(503, get(ops, "/health/ready").statusCode(), "no condition registered yet");
            AtomicBoolean running = new AtomicBoolean();
            ops.readiness().add("processor", running::get);
            ops.readiness().add("sink", () -> true);
            HttpResponse<String> down = get(ops, "/health/ready");
            assertEquals(503, down.statusCode());
            assertTrue(down.body().contains("\"processor\":\"DOWN\""), down.body());
            running.set(true);
            assertEquals(200, get(ops, "/health/ready").statusCode());
            assertEquals(200, get(ops, "/health/live").statusCode());
        }
    }

    @Test
    void metricsAreServedInPrometheusFormatWithTheServiceTag() throws Exception {
        try (Ops ops = Ops.start(NewsmonConfig.defaults(), "sink")) {
            ops.registry().counter("newsmon.test.events").increment(3);
            HttpResponse<String> r = get(ops, "/metrics");
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
            assertTrue(r.body().contains("newsmon_test_events_total{service=\"sink\"} 3.0"), r.body());
            assertTrue(r.body().contains("jvm_memory_used_bytes"), "JVM metrics bound");
            assertTrue(r.body().contains("process_uptime_seconds"), "process metrics bound");
        }
    }

    @Test
    void aTakenPortIsAConfigurationErrorNamingTheKey() throws Exception {
        try (Ops first = Ops.start(NewsmonConfig.defaults(), "a")) {
            NewsmonConfig same = NewsmonConfig.defaults().with(Map.of("ops.http.port", "" + first.port()));
            ConfigException e = assertThrows(ConfigException.class, () -> Ops.start(same, "b"));
            assertTrue(e.getMessage().startsWith("ops.http.port=" + first.port()), e.getMessage());
        }
    }

    private HttpResponse<String> get(Ops ops, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ops.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
