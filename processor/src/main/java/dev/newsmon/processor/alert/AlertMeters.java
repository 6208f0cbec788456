package dev.newsmon.processor.alert;

import dev.newsmon.common.model.Alert;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * The processor's outcome as its alerts show it: stories and copies, alerts per tag, and the lag from an item's
 * {@code published} and {@code fetched} times to its alert. Counted where the processor reads its committed alerts
 * back from {@code news.alerts} (read_committed), so each alert counts once it is durable, whatever sinks run.
 */
public final class AlertMeters {
    private static final Duration[] FETCHED_BUCKETS = durations("PT0.1S", "PT0.25S", "PT0.5S", "PT1S", "PT2.5S",
            "PT5S", "PT10S", "PT30S", "PT1M", "PT2M", "PT5M", "PT15M");
    private static final Duration[] PUBLISHED_BUCKETS = durations("PT1S", "PT10S", "PT1M", "PT5M", "PT15M",
            "PT1H", "PT6H", "PT24H", "PT72H", "PT168H");

    private final MeterRegistry registry;
    private final Timer sincePublished;
    private final Timer sinceFetched;

    public AlertMeters(MeterRegistry registry) {
        this.registry = registry;
        this.sincePublished = Timer.builder("newsmon.alert.lag.published")
                .description("Time from an item's published time to its alert being committed")
                .serviceLevelObjectives(PUBLISHED_BUCKETS).register(registry);
        this.sinceFetched = Timer.builder("newsmon.alert.lag.fetched")
                .description("Time from fetching an item to its alert being committed")
                .serviceLevelObjectives(FETCHED_BUCKETS).register(registry);
    }

    /** Meters nobody reads: for tools and tests that build the topology without a process's registry. */
    public static AlertMeters unread() {
        return new AlertMeters(new SimpleMeterRegistry());
    }

    /** Counts one committed alert, read back at {@code now}. */
    public void record(Alert alert, Instant now) {
        String kind = alert.kind().wireName();
        Counter.builder("newsmon.alerts").description("Alerts by kind: story (first item) or copy")
                .tag("kind", kind).register(registry).increment();
        for (String tag : alert.tags()) {
            Counter.builder("newsmon.alerts.tagged").description("Alerts per tag and kind")
                    .tag("tag", tag).tag("kind", kind).register(registry).increment();
        }
        if (alert.published() != null) {
            sincePublished.record(nonNegative(Duration.between(alert.published(), now)));
        }
        if (alert.fetched() != null) {
            sinceFetched.record(nonNegative(Duration.between(alert.fetched(), now)));
        }
    }

    /** A step of the topology that records each alert passing through and passes it on. */
    public FixedKeyProcessorSupplier<String, Alert, Alert> step() {
        return () -> new FixedKeyProcessor<>() {
            private FixedKeyProcessorContext<String, Alert> context;

            @Override
            public void init(FixedKeyProcessorContext<String, Alert> context) {
                this.context = context;
            }

            @Override
            public void process(FixedKeyRecord<String, Alert> record) {
                record(record.value(), Instant.ofEpochMilli(context.currentSystemTimeMs()));
                context.forward(record);
            }
        };
    }

    // A feed may date an item in the future; a negative lag would only distort the sums.
    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static Duration[] durations(String... iso) {
        return Arrays.stream(iso).map(Duration::parse).toArray(Duration[]::new);
    }
}
