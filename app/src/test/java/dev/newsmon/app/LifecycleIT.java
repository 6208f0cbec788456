package dev.newsmon.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsmon.common.json.Json;
import dev.newsmon.common.model.Alert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code newsmon run} as its own process gets SIGTERM in the middle of a run: it drains and exits 0 within
 * {@code shutdown.timeout}, and a restart on the same data continues without a second story alert.
 */
class LifecycleIT {
    private static final ObjectMapper JSON = Json.mapper();
    private static final long SHUTDOWN_TIMEOUT_S = 20;

    @TempDir
    static Path dir;
    @RegisterExtension
    static final SharedBroker BROKER = new SharedBroker();

    @Test
    void sigtermDrainsAndExitsZeroAndARestartAddsNoDuplicateStory() throws Exception {
        try (FixtureFeedServer server = new FixtureFeedServer("/fixtures/once")) {
            Path feeds = server.writeFeedList(dir);
            Path out = dir.resolve("out");
            List<String> args = List.of("run", "--feeds", feeds.toString(), "--out", out.toString(),
                    "--bootstrap-servers", BROKER.bootstrapServers(),
                    "--set", "data.dir=" + dir.resolve("data"),
                    "--set", "processor.rules.file=" + Path.of("../config/rules.yaml").toAbsolutePath(),
                    "--set", "sink.console=false");
            Map<String, String> env = Map.of("NEWSMON_SHUTDOWN_TIMEOUT", SHUTDOWN_TIMEOUT_S + "s");

            try (NewsmonProcess run = NewsmonProcess.start(dir.resolve("logs"), env, args.toArray(String[]::new))) {
                awaitFirstAlert(out.resolve("alerts.jsonl"), run);
                run.terminate();
                Integer exit = run.waitFor(SHUTDOWN_TIMEOUT_S + 15);
                assertEquals(0, exit, "exit after SIGTERM\n" + run.output());
                assertTrue(run.output().contains("stopped cleanly"), run.output());
            }

            List<String> once = new ArrayList<>(args);
            once.add("--once");
            try (NewsmonProcess restart = NewsmonProcess.start(dir.resolve("logs"), env, once.toArray(String[]::new))) {
                assertEquals(0, restart.waitFor(240), restart.output());
            }
            List<Alert> alerts = readAlerts(out.resolve("alerts.jsonl"));
            assertEquals(1, alerts.stream().filter(a -> a.kind() == Alert.Kind.STORY).count(), alerts.toString());
            assertEquals(2, alerts.stream().filter(a -> a.kind() == Alert.Kind.COPY).count(), alerts.toString());
            assertEquals(3, alerts.stream().map(Alert::itemId).distinct().count(), "no item alerted twice");
            assertEquals(1, alerts.stream().map(Alert::storyId).distinct().count(), alerts.toString());
        }
    }

    private static void awaitFirstAlert(Path file, NewsmonProcess run) {
        run.awaitWhileAlive("the first alert").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                .until(() -> Files.exists(file) && !Files.readAllLines(file).isEmpty());
    }

    private static List<Alert> readAlerts(Path file) throws IOException {
        List<Alert> alerts = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            alerts.add(JSON.readValue(line, Alert.class));
        }
        return alerts;
    }
}
