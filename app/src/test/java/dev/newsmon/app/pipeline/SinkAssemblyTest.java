package dev.newsmon.app.pipeline;

import dev.newsmon.common.config.ConfigException;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.ops.Ops;
import dev.newsmon.sink.SinkRunner;
import dev.newsmon.sink.SinkService;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which sinks the configuration starts, in which groups, and how a missing secret is reported. No broker needed. */
class SinkAssemblyTest {
    private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

    private final List<Ops> opened = new ArrayList<>();

    @TempDir
    Path out;

    @Test
    void byDefaultTheFileAndTheConsoleRunEachInItsOwnGroup() throws Exception {
        NewsmonConfig config = config(Map.of());
        SinkRunner runner = SinkAssembly.build(config, NOWHERE, ops(config), Map.of());
        try {
            assertEquals(List.of("jsonl", "console"), runner.sinkNames());
            assertEquals(List.of("newsmon-sink-jsonl", "newsmon-sink-console"),
                    runner.sinkNames().stream().map(n -> SinkService.groupId(config, n)).toList());
            assertTrue(runner.dashboardUrl().isEmpty(), "the dashboard is off unless asked for");
        } finally {
            runner.abandon();
        }
    }

    @Test
    void aWebhookWithoutItsUrlVariableStopsStartUpNamingTheKeyAndTheVariable() throws Exception {
        NewsmonConfig config = config(Map.of("sink.webhook.enabled", "true", "sink.console", "false"));
        ConfigException e = assertThrows(ConfigException.class, () -> SinkAssembly.build(config, NOWHERE, ops(config), Map.of()));
        assertTrue(e.getMessage().contains("sink.webhook.url.env") && e.getMessage().contains("WEBHOOK_URL"),
                e.getMessage());
    }

    @Test
    void aWebhookTakesItsUrlFromTheNamedVariable() throws Exception {
        NewsmonConfig config = config(Map.of("sink.webhook.enabled", "true", "sink.jsonl.enabled", "false",
                "sink.console", "false", "sink.webhook.url.env", "TEAM_HOOK", "sink.webhook.min.priority", "2",
                "processor.rules.file", "../config/rules.yaml"));
        SinkRunner runner = SinkAssembly.build(config, NOWHERE, ops(config),
                Map.of("TEAM_HOOK", "http://127.0.0.1:1/hook?token=x"));
        try {
            assertEquals(List.of("webhook"), runner.sinkNames());
        } finally {
            runner.abandon();
        }
    }

    @Test
    void aSinkWhoseConsumerCannotBeBuiltHasItsSinkAndItsDeadLetterProducerClosed() throws Exception {
        // Below the consumer's minimum; the dead-letter producer, built first, ignores it.
        NewsmonConfig config = config(Map.of("sink.jsonl.enabled", "false", "kafka.max.poll.records", "0",
                "kafka.client.id", "no-consumer"));
        FlushCounter console = new FlushCounter(null);

        assertThrows(KafkaException.class, () -> SinkAssembly.build(config, console, ops(config), Map.of()));
        assertEquals(1, console.flushes, "the console sink was closed");
        assertFalse(networkThreadOf("no-consumer"), "the dead-letter producer was closed");
    }

    @Test
    void anEarlierSinkIsClosedWhenALaterOneCannotBeBuiltAndTheFailureToCloseItGoesWithTheCause() throws Exception {
        NewsmonConfig config = config(Map.of("sink.jsonl.enabled", "false", "sink.webhook.enabled", "true",
                "kafka.client.id", "before-webhook"));
        IllegalStateException flushFailed = new IllegalStateException("the terminal is gone");
        FlushCounter console = new FlushCounter(flushFailed);

        ConfigException e = assertThrows(ConfigException.class,
                () -> SinkAssembly.build(config, console, ops(config), Map.of()));
        assertTrue(e.getMessage().contains("sink.webhook.url.env"), e.getMessage());
        assertEquals(List.of(flushFailed), List.of(e.getSuppressed()));
        assertEquals(1, console.flushes, "the console sink was closed");
        assertFalse(networkThreadOf("before-webhook"), "its dead-letter producer was closed after it failed");
    }

    /** Whether a Kafka client with this id still runs its network thread. */
    private static boolean networkThreadOf(String clientId) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().endsWith("| " + clientId));
    }

    /** A console that counts how often it is flushed, which is what closing the console sink does. */
    private static final class FlushCounter extends PrintStream {
        private final RuntimeException failure;
        int flushes;

        /** @param failure thrown by each flush, or null */
        FlushCounter(RuntimeException failure) {
            super(OutputStream.nullOutputStream());
            this.failure = failure;
        }

        @Override
        public void flush() {
            flushes++;
            if (failure != null) {
                throw failure;
            }
        }
    }

    private Ops ops(NewsmonConfig config) throws ConfigException {
        Ops ops = Ops.start(config, "sink");
        opened.add(ops);
        return ops;
    }

    @AfterEach
    void closeOps() {
        opened.forEach(Ops::close);
    }

    private NewsmonConfig config(Map<String, String> extra) throws ConfigException {
        Map<String, String> overrides = new HashMap<>(extra);
        overrides.put("kafka.bootstrap.servers", "127.0.0.1:1");
        overrides.put("sink.out.dir", out.toString());
        // The sinks keep their group members' ids there.
        overrides.put("data.dir", out.resolve("data").toString());
        return NewsmonConfig.defaults().with(overrides);
    }
}
