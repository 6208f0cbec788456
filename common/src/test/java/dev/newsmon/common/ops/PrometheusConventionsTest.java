package dev.newsmon.common.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.FunctionCounter;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrometheusConventionsTest {
    @Test
    void abbreviatedUnitsAreDroppedCountGaugesRenamedAndHelpFilledIn() {
        try (Metrics metrics = new Metrics("test")) {
            FunctionCounter.builder("kafka.producer.io.time.ns.total", this, x -> 5).register(metrics.registry());
            Gauge.builder("kafka.app.info.start.time.ms", () -> 1).register(metrics.registry());
            Gauge.builder("kafka.producer.connection.count", () -> 2).description("open connections")
                    .register(metrics.registry());
            Gauge.builder("kafka.producer.node.request.latency.avg", () -> 3).register(metrics.registry());

            String text = metrics.scrape();
            assertFalse(text.contains("_ns_"), text);
            assertFalse(text.contains("start_time_ms"), text);
            assertTrue(text.contains("kafka_producer_connections{service=\"test\"} 2.0"), text);
            assertFalse(text.contains("connection_count"), text);
            assertTrue(text.contains("# HELP kafka_producer_node_request_latency_avg kafka producer node request"),
                    text);
            assertFalse(text.contains("process_cpu_time_ns"), "Micrometer's own nanosecond counter is dropped too");
        }
    }
}
