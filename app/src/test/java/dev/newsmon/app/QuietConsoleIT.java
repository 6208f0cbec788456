package dev.newsmon.app;

import dev.newsmon.common.model.Alert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./newsmon demo} on a fresh data folder, as a newcomer first runs it, with the logging that ships: the
 * console shows newsmon's lines and alerts, and the Kafka clients' start-up warnings (topics being created, the
 * GlobalThread advisory, a state folder under /tmp) are in {@code data.dir/newsmon.log} instead. The demo's
 * Russian outlet alerts too, with {@code language: "ru"}.
 */
class QuietConsoleIT {
    /** A console line of logback.xml's pattern: time, level, the logger's simple name, message. */
    private static final Pattern CONSOLE_LINE = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (\\w+) +\\S+ - (.*)$");
    /** A line of the log file: date, time, level, [thread], full logger name, message. */
    private static final Pattern FILE_LINE = Pattern.compile("^\\S+ \\S+ (\\w+) +\\[.*?] (\\S+) - (.*)$");

    @TempDir
    Path dir;

    @Test
    void theDemoShowsNoKafkaClientWarningAndItsLogFileHasThem() throws Exception {
        Path data = dir.resolve("data");
        try (NewsmonProcess demo = NewsmonProcess.startAsShipped(dir.resolve("logs"), Map.of(), "demo",
                "--feeds-port", String.valueOf(freePort()),
                "--set", "data.dir=" + data, "--set", "sink.out.dir=" + dir.resolve("out"),
                "--set", "broker.port=0", "--set", "sink.http.port=0")) {
            demo.awaitWhileAlive("the demo's first alert").atMost(Duration.ofMinutes(4))
                    .until(() -> demo.stdout().lines().anyMatch(l -> l.startsWith("STORY ")));
            Path out = dir.resolve("out");
            demo.awaitWhileAlive("the Russian outlet's story in alerts.jsonl").atMost(Duration.ofMinutes(2))
                    .until(() -> Files.exists(out.resolve("alerts.jsonl")) && russianStories(out) > 0);
            demo.terminate();
            assertEquals(0, demo.waitFor(60), demo.output());

            List<String> console = demo.stderr().lines().toList();
            List<String> file = Files.readAllLines(data.resolve("newsmon.log"));
            assertTrue(file.stream().anyMatch(l -> l.contains(" WARN ") && l.contains(" org.apache.kafka.")),
                    "the Kafka clients' warnings are kept in the log file:\n" + String.join("\n", file));
            for (String line : console) {
                Matcher m = CONSOLE_LINE.matcher(line);
                if (m.matches() && !m.group(1).equals("INFO")) {
                    String logger = loggerOf(file, m.group(1), m.group(2)).orElse("(not in the log file)");
                    assertTrue(logger.startsWith("dev.newsmon."),
                            "a " + m.group(1) + " line of " + logger + " on the console: " + line);
                }
                assertFalse(line.contains("clientId=") || line.contains("UNKNOWN_TOPIC_OR_PARTITION"),
                        "a Kafka client's line on the console: " + line);
            }
            assertTrue(console.stream().anyMatch(l -> l.equals("  log file       " + data.resolve("newsmon.log")
                    + "  (the Kafka clients' warnings go here)")), demo.stderr());
            assertTrue(console.stream().anyMatch(l -> l.startsWith("  dashboard      http://")), demo.stderr());
        }
    }

    /** Story alerts in Russian: Vestnik Orbity's windows-1251 feed, read and tagged like the English ones. */
    private static long russianStories(Path out) {
        try {
            return RunOnceIT.readAlerts(out).stream()
                    .filter(a -> a.kind() == Alert.Kind.STORY && "ru".equals(a.language()))
                    .filter(a -> a.title().chars().anyMatch(c -> Character.UnicodeBlock.of(c)
                            == Character.UnicodeBlock.CYRILLIC))
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The full logger name of the log file's line with this level and message: the console shows only its end. */
    private static Optional<String> loggerOf(List<String> file, String level, String message) {
        return file.stream().map(FILE_LINE::matcher).filter(Matcher::matches)
                .filter(f -> f.group(1).equals(level) && f.group(3).equals(message))
                .map(f -> f.group(2)).findFirst();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
