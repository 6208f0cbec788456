package dev.newsmon.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsmon.app.DockerCli.Result;
import dev.newsmon.common.json.Json;
import dev.newsmon.common.model.Alert;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import static dev.newsmon.app.DockerCli.ok;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The deployment for real, on the Docker engine of this machine: the image builds from the repository (through the
 * air-gapped bases of docker/airgap when no registry answers), its runtime-only target runs {@code run --once} on
 * the fixture feeds in a container with no network, and the compose stack brings an alert to the sink's file and to
 * PostgreSQL, every health check turns healthy, and each service drains on SIGTERM.
 *
 * <p>Minutes long, so not part of {@code mvn verify}: {@code .ci/run} runs it as a step of its own after starting
 * dockerd. Without a Docker engine it fails, saying so.
 */
class DockerStackIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path WORK = Path.of("target/docker-it").toAbsolutePath();
    private static final String PROJECT = "newsmon-it";
    private static final String IMAGE = "newsmon:latest";
    private static final String PREBUILT = "newsmon:prebuilt-it";
    private static final ObjectMapper JSON = Json.mapper();

    @Test
    void theImageBuildsRunsTheJobAndTheComposeStackAlertsIntoTheSinkAndPostgres() throws Exception {
        deleteTree(WORK);
        Path fixtures = writeFixtureFeeds(WORK.resolve("fixtures"));
        DockerCli docker = DockerCli.connect(ROOT, WORK.resolve("logs"), Map.of("KAFKA_PORT", freePort()));

        boolean registry = docker.docker(Duration.ofMinutes(3), "pull", "eclipse-temurin:17-jre").ok();
        List<String> bases = new ArrayList<>();
        List<Path> composeFiles = new ArrayList<>(List.of(ROOT.resolve("docker/compose.yaml")));
        if (!registry) {
            log("no registry answers: building the bases from the Debian mirror (docker/airgap/build-bases.sh)");
            timed("air-gapped bases", () -> ok(docker.command(Duration.ofMinutes(25), "docker/airgap/build-bases.sh")));
            bases = List.of("--build-arg", "BUILD_BASE=newsmon-base/maven:17",
                    "--build-arg", "RUNTIME_BASE=newsmon-base/jre:17");
            composeFiles.add(ROOT.resolve("docker/compose.airgap.yaml"));
        }
        List<String> build = new ArrayList<>(List.of("build", "-f", "docker/Dockerfile"));
        build.addAll(bases);
        timed("image, Maven in its build stage", () -> ok(docker.docker(Duration.ofMinutes(20),
                concat(build, "--build-arg", "EXTRA_CA_CERTS=" + hostAddedCaCertificates(), "-t", IMAGE, "."))));
        timed("image, runtime-only target", () -> ok(docker.docker(Duration.ofMinutes(5),
                concat(build, "--target", "prebuilt", "-t", PREBUILT, "."))));

        timed("run --once in a container", () -> runOnceInAContainer(docker, fixtures));

        composeFiles.add(writeTestOverride(fixtures));
        try {
            timed("compose stack", () -> composeStackAlertsAndDrains(docker, composeFiles));
        } finally {
            Result down = docker.compose(Duration.ofMinutes(3), PROJECT, composeFiles, "down", "-v", "-t", "30");
            assertTrue(down.ok(), down.transcript());
        }
    }

    /** The prebuilt image, no network at all: the embedded broker, the fixture feeds as files, alerts.jsonl out. */
    private static void runOnceInAContainer(DockerCli docker, Path fixtures) throws Exception {
        Path out = Files.createDirectories(WORK.resolve("once-out"));
        // The image runs as uid 10001: the bind-mounted folder must be writable for it.
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxrwxrwx"));
        Result once = docker.docker(Duration.ofMinutes(5), "run", "--rm", "--network", "none",
                "-v", fixtures + ":/fixtures:ro", "-v", out + ":/var/lib/newsmon/out",
                PREBUILT, "run", "--once", "--feeds", "/fixtures/feeds.txt");
        assertEquals(0, once.exit(), "run --once exits 0 although one feed is malformed\n" + once.transcript());
        RunOnceIT.assertTheOnceFixtureStory(RunOnceIT.readAlerts(out));

        List<JsonNode> lines = jsonLines(once.err());
        assertTrue(lines.stream().anyMatch(l -> l.path("feed_url").asText().equals("file:/fixtures/broken.xml")
                        && l.path("message").asText().contains("feed_url=file:/fixtures/broken.xml")),
                "the malformed feed's failure is logged with feed_url as a field:\n" + once.err());
    }

    private static void composeStackAlertsAndDrains(DockerCli docker, List<Path> files) throws Exception {
        ok(docker.compose(Duration.ofMinutes(5), PROJECT, files, "up", "-d", "--no-build"));
        Map<String, String> containers = containers(docker, files);
        assertEquals(List.of("ingest", "kafka", "postgres", "processor", "processor", "sink", "subscribers"),
                containers.values().stream().sorted().toList(), "the stack's containers: " + containers);

        awaitHealthy(docker, files, containers);

        String sink = idOf(containers, "sink");
        List<Alert> alerts = poll(docker, files, Duration.ofMinutes(4), "3 alerts in the sink's alerts.jsonl", () -> {
            Result cat = docker.docker(Duration.ofSeconds(30), "exec", sink, "cat",
                    "/var/lib/newsmon/out/alerts.jsonl");
            List<Alert> read = new ArrayList<>();
            if (cat.ok()) {
                for (String line : cat.out().split("\n")) {
                    if (!line.isBlank()) {
                        read.add(JSON.readValue(line, Alert.class));
                    }
                }
            }
            return read.size() >= 3 ? read : null;
        });
        RunOnceIT.assertTheOnceFixtureStory(alerts);

        String postgres = idOf(containers, "postgres");
        String story = alerts.get(0).storyId();
        String rows = poll(docker, files, Duration.ofMinutes(2), "the story and its 3 items in PostgreSQL", () -> {
            Result q = docker.docker(Duration.ofSeconds(30), "exec", postgres, "psql", "-U", "newsmon", "-d",
                    "newsmon", "-At", "-c", "SELECT s.story_id || ' ' || s.outlet_count || ' ' || "
                            + "(SELECT count(*) FROM copies c WHERE c.story_id = s.story_id) FROM stories s");
            return q.ok() && q.out().trim().equals(story + " 3 3") ? q.out().trim() : null;
        });
        log("PostgreSQL: " + rows);

        eachServiceDrainsOnSigterm(docker, containers);
    }

    /** docker stop: SIGTERM, then SIGKILL at the end of the grace period, which a service must not need. */
    private static void eachServiceDrainsOnSigterm(DockerCli docker, Map<String, String> containers)
            throws Exception {
        for (Map.Entry<String, String> c : containers.entrySet()) {
            if (List.of("ingest", "processor", "sink", "subscribers").contains(c.getValue())) {
                Instant start = Instant.now();
                ok(docker.docker(Duration.ofSeconds(60), "stop", "-t", "30", c.getKey()));
                String exit = ok(docker.docker(Duration.ofSeconds(30), "inspect", "-f", "{{.State.ExitCode}}",
                        c.getKey())).out().trim();
                String logs = ok(docker.docker(Duration.ofSeconds(30), "logs", c.getKey())).err();
                log(c.getValue() + " stopped by SIGTERM in " + Duration.between(start, Instant.now()).toMillis()
                        + " ms, exit " + exit);
                assertEquals("0", exit, c.getValue() + " drains and exits 0 within its grace period:\n" + logs);
                assertTrue(jsonLines(logs).stream().anyMatch(l -> l.path("message").asText().equals("stopped cleanly")),
                        c.getValue() + " says it drained:\n" + logs);
            }
        }
        String kafka = idOf(containers, "kafka");
        ok(docker.docker(Duration.ofSeconds(60), "stop", "-t", "30", kafka));
        String exit = ok(docker.docker(Duration.ofSeconds(30), "inspect", "-f", "{{.State.ExitCode}}", kafka)).out();
        assertFalse(exit.trim().equals("137"),
                "the broker shuts down on SIGTERM, not killed at the grace period's end");
    }

    /**
     * Every container healthy at once. A JVM that starts slowly on a busy machine may be marked unhealthy after the
     * image's start period and healthy again at its next check, so only an exited container fails at once.
     */
    private static void awaitHealthy(DockerCli docker, List<Path> files, Map<String, String> containers)
            throws Exception {
        List<String> args = new ArrayList<>(List.of("inspect", "-f",
                "{{.Name}} {{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}"));
        args.addAll(containers.keySet());
        String states = poll(docker, files, Duration.ofMinutes(6), "every container healthy", () -> {
            String out = ok(docker.docker(Duration.ofSeconds(30), args.toArray(String[]::new))).out();
            if (out.contains(" exited ")) {
                fail("a container stopped: " + out + "\n" + ok(docker.compose(
                        Duration.ofMinutes(1), PROJECT, files, "logs", "--no-color", "--tail", "40")).out());
            }
            return out.lines().allMatch(l -> l.endsWith(" running healthy")) ? out : null;
        });
        log("healthy: " + states.replace('\n', ' '));
    }

    /** Container id to service name, from the compose labels. */
    private static Map<String, String> containers(DockerCli docker, List<Path> files) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        for (String id : ok(docker.compose(Duration.ofSeconds(60), PROJECT, files, "ps", "-q")).out().split("\n")) {
            if (!id.isBlank()) {
                out.put(id.trim(), ok(docker.docker(Duration.ofSeconds(30), "inspect", "-f",
                        "{{index .Config.Labels \"com.docker.compose.service\"}}", id.trim())).out().trim());
            }
        }
        return out;
    }

    private static String idOf(Map<String, String> containers, String service) {
        return containers.entrySet().stream().filter(e -> e.getValue().equals(service)).findFirst().orElseThrow()
                .getKey();
    }

    /**
     * The certificates this host added to its trust (Debian's local CA folder), so that Maven in the build stage
     * reaches the repository the way the host's Maven does, through a TLS-inspecting proxy if there is one.
     */
    private static String hostAddedCaCertificates() throws IOException {
        Path local = Path.of("/usr/local/share/ca-certificates");
        if (!Files.isDirectory(local)) {
            return "";
        }
        StringBuilder pem = new StringBuilder();
        try (Stream<Path> files = Files.walk(local)) {
            for (Path crt : files.filter(f -> f.toString().endsWith(".crt")).sorted().toList()) {
                pem.append(Files.readString(crt, StandardCharsets.UTF_8)).append('\n');
            }
        }
        return pem.toString();
    }

    /** The fixtures/once feeds as files, and a feed list naming each by a file: URL inside the container. */
    private static Path writeFixtureFeeds(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> urls = new ArrayList<>();
        try (InputStream list = DockerStackIT.class.getResourceAsStream("/fixtures/once/feeds.txt")) {
            for (String name : new String(list.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
                try (InputStream feed = DockerStackIT.class.getResourceAsStream("/fixtures/once/" + name)) {
                    Files.write(dir.resolve(name), feed.readAllBytes());
                }
                urls.add("file:/fixtures/" + name);
            }
        }
        Files.write(dir.resolve("feeds.txt"), urls);
        return dir;
    }

    /** Over compose.yaml: ingest reads the fixture feeds instead of docker/feeds.yaml. */
    private static Path writeTestOverride(Path fixtures) throws IOException {
        return Files.writeString(WORK.resolve("compose.it.yaml"), String.join("\n",
                "services:",
                "  ingest:",
                "    command: [\"ingest\", \"--feeds\", \"/fixtures/feeds.txt\"]",
                "    volumes:",
                "      - " + fixtures + ":/fixtures:ro",
                ""));
    }

    /** The JSON objects among a container's log lines; every line that looks like one must be one. */
    private static List<JsonNode> jsonLines(String log) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : log.split("\n")) {
            if (line.startsWith("{")) {
                JsonNode node = JSON.readTree(line);
                assertFalse(node.path("message").asText().contains("{}"), "a formatted message: " + line);
                out.add(node);
            }
        }
        return out;
    }

    private interface Action {
        void run() throws Exception;
    }

    /** Polls until the step gives a value; fails with the stack's last logs at the deadline. */
    private static <T> T poll(DockerCli docker, List<Path> files, Duration timeout, String what, Callable<T> step)
            throws Exception {
        try {
            // The stack moves at the pace of JVM start-ups and polls; nothing here signals it.
            return await(what).atMost(timeout).pollInterval(Duration.ofSeconds(2)).until(step, Objects::nonNull);
        } catch (ConditionTimeoutException e) {
            return fail("no " + what + " within " + timeout + "; the stack's logs:\n" + docker.compose(
                    Duration.ofMinutes(1), PROJECT, files, "logs", "--no-color", "--tail", "60").out());
        }
    }

    private static void timed(String what, Action action) throws Exception {
        Instant start = Instant.now();
        action.run();
        log(what + ": " + Duration.between(start, Instant.now()).toSeconds() + " s");
    }

    private static String[] concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }

    private static String freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return String.valueOf(s.getLocalPort());
        }
    }

    private static void log(String line) {
        System.out.println("DockerStackIT: " + line);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
