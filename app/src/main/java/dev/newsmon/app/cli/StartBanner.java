package dev.newsmon.app.cli;

import dev.newsmon.app.pipeline.Pipeline;
import dev.newsmon.common.config.Settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code demo} and {@code run} print once everything is up: where each part can be opened or followed, since
 * the ports may be picked at start and the console shows alerts only.
 *
 * @param command     the command's name
 * @param broker      the cluster's bootstrap servers
 * @param embedded    whether newsmon runs that broker itself
 * @param sampleFeeds the demo's feed server, when there is one
 * @param alertsFile  where the JSONL sink appends
 * @param dashboard   the dashboard's URL, when {@code sink.http.enabled}
 * @param opsPort     port of /metrics and /health
 * @param logFile     the log file of this run
 */
record StartBanner(String command, String broker, boolean embedded, Optional<String> sampleFeeds, Path alertsFile,
                   Optional<String> dashboard, int opsPort, Path logFile) {

    static StartBanner of(String command, Pipeline pipeline, Optional<String> sampleFeeds, Path logFile) {
        return new StartBanner(command, pipeline.cluster().bootstrapServers(),
                pipeline.cluster().embedded().isPresent(), sampleFeeds,
                pipeline.cluster().config().get(Settings.SINK_OUT_DIR).resolve("alerts.jsonl"),
                pipeline.dashboardUrl(), pipeline.ops().port(), logFile);
    }

    String render() {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("newsmon " + command);
        lines.add(line("Kafka broker", broker + (embedded ? " (embedded, started by newsmon)" : "")));
        sampleFeeds.ifPresent(url -> lines.add(line("sample feeds", url)));
        lines.add(line("alerts file", alertsFile.toString()));
        lines.add(line("dashboard", dashboard.orElse("off (sink.http.enabled=false)")));
        dashboard.ifPresent(url -> lines.add(line("Atom feed", url + "feed.atom")));
        String ops = "http://127.0.0.1:" + opsPort;
        lines.add(line("metrics", ops + "/metrics  (health: " + ops + "/health/ready)"));
        lines.add(line("log file", logFile + "  (the Kafka clients' warnings go here)"));
        lines.add("  Ctrl-C stops after draining; running it again resumes where it stopped.");
        lines.add("");
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }

    private static String line(String label, String value) {
        return String.format("  %-14s %s", label, value);
    }
}
