package dev.newsmon.app;

import dev.newsmon.app.pipeline.IngestAssembly;
import dev.newsmon.app.pipeline.Pipeline;
import dev.newsmon.common.config.NewsmonConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The operations endpoints on a real broker: {@code /metrics} of a pipeline that has just run the fixture feeds
 * (domain, Kafka and JVM metrics, passed by Prometheus' own linter {@code promtool check metrics}), and the
 * processor run alone as the containers run it (ready only while RUNNING, SIGTERM exits 0).
 */
class OpsIT {
    @TempDir
    static Path dir;
    @RegisterExtension
    static final SharedBroker BROKER = new SharedBroker();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aRunningPipelineServesLintCleanPrometheusMetricsAndIsReady() throws Exception {
        Path promtool = promtool();
        NewsmonConfig config = NewsmonConfig.defaults().with(Map.of(
                "kafka.bootstrap.servers", BROKER.bootstrapServers(),
                "data.dir", dir.resolve("data").toString(),
                "sink.out.dir", dir.resolve("out").toString(),
                "sink.console", "false",
                "processor.rules.file", Path.of("../config/rules.yaml").toAbsolutePath().toString(),
                "ops.http.port", "0"));
        try (FixtureFeedServer feeds = new FixtureFeedServer("/fixtures/once");
             Pipeline pipeline = Pipeline.start(config, IngestAssembly.feeds(config.with(Map.of(
                     "ingest.feeds", feeds.writeFeedList(dir).toString()))), new PrintStream(new ByteArrayOutputStream()))) {
            int port = pipeline.ops().port();
            pipeline.pollOnce();
            pipeline.awaitQuiet(Duration.ofMinutes(2));
            awaitStatus(port, "/health/ready", 200);
            assertEquals(200, get(port, "/health/live").statusCode());

            String metrics = get(port, "/metrics").body();
            for (String expected : List.of(
                    "newsmon_ingest_items_produced_total{service=\"pipeline\"}",
                    "newsmon_ingest_feeds_polled_total{outcome=\"failed\",service=\"pipeline\"} 1.0",
                    "newsmon_ingest_parse_failures_total{service=\"pipeline\"} 1.0",
                    "newsmon_ingest_feeds_recovered_total{service=\"pipeline\"} 0.0",
                    "newsmon_ingest_feeds_not_modified_total{service=\"pipeline\"} 0.0",
                    "newsmon_ingest_feed_failures_total{feed_url=\"http://127.0.0.1:" + feeds.port() + "/broken.xml\",service=\"pipeline\"} 1.0",
                    "newsmon_ingest_feed_consecutive_errors{feed_url=\"http://127.0.0.1:" + feeds.port() + "/broken.xml\",service=\"pipeline\"} 1.0",
                    "newsmon_ingest_feed_next_poll_seconds{feed_url=",
                    "newsmon_ingest_fetched_bytes_total{service=\"pipeline\"}",
                    "newsmon_alerts_total{kind=\"story\",service=\"pipeline\"} 1.0",
                    "newsmon_alerts_total{kind=\"copy\",service=\"pipeline\"} 2.0",
                    "newsmon_alerts_tagged_total{kind=\"story\",service=\"pipeline\",tag=\"space-station\"} 1.0",
                    "newsmon_sink_alerts_written_total{service=\"pipeline\",sink=\"jsonl\"} 3.0",
                    "newsmon_alert_lag_fetched_seconds_count{service=\"pipeline\"} 3",
                    "newsmon_alert_lag_published_seconds_bucket{",
                    "newsmon_processor_running{service=\"pipeline\"} 1.0",
                    "newsmon_processor_rules_rejected_total{service=\"pipeline\"} 0.0",
                    "kafka_producer_record_send_total",
                    "kafka_consumer_fetch_manager_records_consumed_total",
                    "kafka_stream_",
                    "jvm_memory_used_bytes",
                    "process_cpu_usage")) {
                assertTrue(metrics.contains(expected), "missing " + expected + " in\n" + metrics);
            }
            Path scraped = Files.writeString(dir.resolve("scraped.prom"), metrics);
            Process check = new ProcessBuilder(promtool.toString(), "check", "metrics")
                    .redirectInput(scraped.toFile()).redirectErrorStream(true).start();
            String report = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(check.waitFor(60, TimeUnit.SECONDS), "promtool did not finish");
            assertEquals(0, check.exitValue(), "promtool check metrics:\n" + report);
        }
    }

    @Test
    void aProcessorAloneIsReadyWhileRunningAndStopsCleanlyOnSigterm() throws Exception {
        try (NewsmonProcess processor = NewsmonProcess.start(dir.resolve("logs"), Map.of(
                        "NEWSMON_PROCESSOR_APPLICATION_ID", "ops-it-processor",
                        "NEWSMON_DATA_DIR", dir.resolve("alone").toString(),
                        "NEWSMON_SHUTDOWN_TIMEOUT", "20s"),
                "processor", "--bootstrap-servers", BROKER.bootstrapServers(),
                "--set", "processor.rules.file=" + Path.of("../config/rules.yaml").toAbsolutePath())) {
            int port = awaitOpsPort(processor);
            awaitStatus(port, "/health/ready", 200);
            String metrics = get(port, "/metrics").body();
            assertTrue(metrics.contains("newsmon_processor_running{service=\"processor\"} 1.0"), metrics);
            processor.terminate();
            assertEquals(0, processor.waitFor(35), processor.output());
        }
    }

    private static int awaitOpsPort(NewsmonProcess process) {
        Pattern listening = Pattern.compile("ops endpoints listening port=(\\d+)");
        Matcher logged = process.awaitWhileAlive("the ops port logged").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200)).until(() -> listening.matcher(process.output()), Matcher::find);
        return Integer.parseInt(logged.group(1));
    }

    /** Prometheus' promtool; its absence fails the test, since the acceptance is that promtool passes. */
    private static Path promtool() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(d, "promtool");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return fail("promtool is not installed: apt-get install -y prometheus (.ci/run does this)");
    }

    private void awaitStatus(int port, String path, int status) {
        await(path + " answers " + status).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    HttpResponse<String> last = get(port, path);
                    assertEquals(status, last.statusCode(), last.body());
                });
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
