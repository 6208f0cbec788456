package dev.newsmon.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsmon.common.json.Json;
import dev.newsmon.common.model.Alert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The acceptance path of the foundation: {@code newsmon run --once} over feeds served by a local HTTP server, on
 * the embedded broker, then the exact content of alerts.jsonl. A second run on the same data must add nothing, and
 * ask for each feed with the validators of the first.
 */
class RunOnceIT {
    private static final ObjectMapper JSON = Json.mapper();
    private static final String STORY_TITLE =
            "Russia will keep cosmonauts on the space station until it is retired, Roscosmos tells NASA";

    @TempDir
    Path dir;

    @Test
    void oneStoryAndTwoCopiesAndNothingElseAndNothingAgainOnRestart() throws Exception {
        try (FixtureFeedServer server = new FixtureFeedServer("/fixtures/once")) {
            Path feeds = server.writeFeedList(dir);
            Path out = dir.resolve("out");

            assertEquals(0, runOnce(feeds, out), "run --once exits 0 although one feed is malformed");
            List<Alert> alerts = readAlerts(out);
            assertTheOnceFixtureStory(alerts);

            assertEquals(0, server.notModified(), "the first run has no validators to send");
            assertEquals(0, runOnce(feeds, out), "second run on the same data");
            assertEquals(alerts, readAlerts(out), "a restart re-reads the feeds but alerts nothing again");
            assertEquals(3, server.notModified(), "the restart resumes each well-formed feed from its news.feed-status"
                    + " record, so it asks with the ETag the first run got and is answered 304");
        }
    }

    /** The alerts of the fixtures/once feeds: the one story, its two copies, nothing else. */
    static void assertTheOnceFixtureStory(List<Alert> alerts) {
        assertEquals(3, alerts.size(), "alerts: " + alerts);
        assertEquals(1, alerts.stream().filter(a -> a.kind() == Alert.Kind.STORY).count());
        assertEquals(2, alerts.stream().filter(a -> a.kind() == Alert.Kind.COPY).count());
        assertEquals(1, alerts.stream().map(Alert::storyId).distinct().count(), "one story id for all three");
        assertEquals(Set.of("Meridian Newswire", "Bayview Courier", "Ridgeway Times"),
                alerts.stream().map(Alert::outlet).collect(Collectors.toSet()));
        for (Alert a : alerts) {
            assertTrue(a.title().startsWith(STORY_TITLE), a.title());
            assertTrue(a.tags().contains("space-station"), a.tags().toString());
            assertTrue(!a.matches().get("space-station").isEmpty(), "matched terms travel with the alert");
            assertEquals(Alert.SCHEMA_VERSION, a.schemaVersion());
            if (a.kind() == Alert.Kind.COPY) {
                assertTrue(a.similarity() != null && a.similarity() > 0 && a.similarity() <= 1, a.toString());
                assertTrue(a.copyOf() != null, "a copy names the item it copies");
            }
        }
        assertTrue(alerts.stream().noneMatch(a -> a.title().toLowerCase().contains("gas station")));
    }

    private int runOnce(Path feeds, Path out) {
        return Main.commandLine().execute("run", "--once", "--feeds", feeds.toString(), "--out", out.toString(),
                "--set", "data.dir=" + dir.resolve("data"),
                "--set", "broker.port=0",
                "--set", "processor.rules.file=../config/rules.yaml",
                "--set", "sink.console=false");
    }

    static List<Alert> readAlerts(Path out) throws IOException {
        List<Alert> alerts = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("alerts.jsonl"))) {
            alerts.add(JSON.readValue(line, Alert.class));
        }
        return alerts;
    }
}
