package dev.newsmon.app.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The start lines say where to open the dashboard and metrics and where to follow the log. */
class StartBannerTest {
    @Test
    void runWithTheDashboardOnNamesItsUrlTheOpsPortAndTheLogFile() {
        List<String> lines = new StartBanner("run", "127.0.0.1:9092", true, Optional.empty(),
                Path.of("out/alerts.jsonl"), Optional.of("http://127.0.0.1:8080/"), 41234,
                Path.of("data/newsmon.log")).render().lines().toList();
        assertTrue(lines.contains("newsmon run"), lines.toString());
        assertTrue(lines.contains("  dashboard      http://127.0.0.1:8080/"), lines.toString());
        assertTrue(lines.contains("  Atom feed      http://127.0.0.1:8080/feed.atom"), lines.toString());
        assertTrue(lines.contains("  metrics        http://127.0.0.1:41234/metrics  "
                + "(health: http://127.0.0.1:41234/health/ready)"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  log file       data/newsmon.log")), lines.toString());
        assertTrue(lines.contains("  alerts file    out/alerts.jsonl"), lines.toString());
        assertFalse(lines.stream().anyMatch(l -> l.contains("sample feeds")), lines.toString());
    }

    @Test
    void withTheDashboardOffItSaysHowToTurnItOn() {
        List<String> lines = new StartBanner("run", "broker.example:9092", false, Optional.empty(),
                Path.of("a.jsonl"), Optional.empty(), 8081, Path.of("newsmon.log")).render().lines().toList();
        assertTrue(lines.contains("  dashboard      off (sink.http.enabled=false)"), lines.toString());
        assertFalse(lines.stream().anyMatch(l -> l.contains("Atom feed")), lines.toString());
        assertTrue(lines.contains("  Kafka broker   broker.example:9092"), lines.toString());
    }

    @Test
    void theDemoNamesItsSampleFeedsAndTheBrokerItStarted() {
        List<String> lines = new StartBanner("demo", "127.0.0.1:9092", true,
                Optional.of("http://127.0.0.1:18047/demo/"), Path.of("out/alerts.jsonl"),
                Optional.of("http://127.0.0.1:8080/"), 1, Path.of("l")).render().lines().toList();
        assertTrue(lines.contains("  sample feeds   http://127.0.0.1:18047/demo/"), lines.toString());
        assertTrue(lines.contains("  Kafka broker   127.0.0.1:9092 (embedded, started by newsmon)"), lines.toString());
    }
}
