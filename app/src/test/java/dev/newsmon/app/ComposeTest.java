package dev.newsmon.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newsmon.common.config.ConfigException;
import dev.newsmon.common.config.ConfigLoader;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No Docker engine runs here, so the deployment is checked against the code: every newsmon container's command
 * is a real CLI command with real options, every NEWSMON_* variable is a real configuration key with a valid
 * value, and the image's entrypoint runs those commands through the launcher.
 */
class ComposeTest {
    private static final Path DOCKER = Path.of("../docker");
    private static final Set<String> SERVICE_COMMANDS = Set.of("ingest", "processor", "sink");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void everyNewsmonServiceRunsARealCommandWithRealOptions() throws IOException {
        Map<String, List<String>> commands = newsmonCommands();
        assertEquals(SERVICE_COMMANDS, Set.copyOf(commands.values().stream().map(c -> c.get(0)).toList()),
                "compose runs each service: " + commands);
        commands.forEach((service, args) -> {
            ParseResult parsed = assertDoesNotThrow(() -> Main.commandLine().parseArgs(args.toArray(String[]::new)),
                    service + ": " + args);
            assertTrue(parsed.hasSubcommand(), service);
            assertTrue(SERVICE_COMMANDS.contains(parsed.subcommand().commandSpec().name()), service);
        });
    }

    @Test
    void everyNewsmonEnvironmentVariableIsAValidConfigKey() throws IOException, ConfigException {
        JsonNode services = compose().get("services");
        for (String service : newsmonCommands().keySet()) {
            Map<String, String> env = new LinkedHashMap<>(dockerfileEnv());
            services.get(service).path("environment").fields()
                    .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
            env.keySet().forEach(k -> assertTrue(k.startsWith("NEWSMON_"), service + ": " + k));
            NewsmonConfig config = ConfigLoader.load(null, env, Map.of());
            assertTrue(config.bootstrapServers().isPresent(), service + " runs against the compose broker");
            assertEquals(8080, config.get(Settings.OPS_HTTP_PORT), service);
            assertEquals(topicInitPartitions(), config.get(Settings.TOPIC_PARTITIONS),
                    service + ": topics.partitions matches what topic-init creates");
        }
    }

    @Test
    void thereAreTwoProcessorsAndPartitionsForThem() throws IOException {
        int replicas = compose().get("services").get("processor").path("deploy").path("replicas").asInt(1);
        assertEquals(2, replicas);
        assertTrue(topicInitPartitions() >= replicas, "every processor gets a partition");
    }

    @Test
    void theImageRunsTheLauncherAsANonRootUserWithAReadinessHealthCheck() throws IOException {
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
        List<String> entrypoint = entrypoint(dockerfile);
        assertEquals(Main.class.getName(), entrypoint.get(entrypoint.size() - 1));
        Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(dockerfile);
        assertTrue(user.find() && !user.group(1).equals("root") && !user.group(1).equals("0"), "non-root user");
        assertTrue(dockerfile.contains("http://127.0.0.1:" + dockerfileEnv().get("NEWSMON_OPS_HTTP_PORT")
                + "/health/ready"), "the health check asks the ops port for readiness");
        assertTrue(Pattern.compile("(?m)^FROM .* AS build$").matcher(dockerfile).find(), "multi-stage build");
    }

    @Test
    void theEntrypointArgumentsRunThroughTheLauncher() throws IOException {
        for (Map.Entry<String, List<String>> e : newsmonCommands().entrySet()) {
            List<String> args = new ArrayList<>(e.getValue());
            args.add("--help");
            StringWriter out = new StringWriter();
            CommandLine cli = Main.commandLine();
            cli.setOut(new PrintWriter(out));
            assertEquals(0, cli.execute(args.toArray(String[]::new)), e.getKey());
            assertTrue(out.toString().contains("Usage: newsmon " + e.getValue().get(0)), out.toString());
        }
    }

    @Test
    void prometheusScrapesEveryServiceOnItsOpsPort() throws IOException {
        String prometheus = Files.readString(DOCKER.resolve("prometheus.yml"));
        for (String service : newsmonCommands().keySet()) {
            assertTrue(prometheus.contains(service), service);
        }
        assertTrue(prometheus.contains("port: " + dockerfileEnv().get("NEWSMON_OPS_HTTP_PORT")));
        assertFalse(compose().get("services").get("prometheus").path("profiles").isMissingNode(),
                "Prometheus is optional");
    }

    /** The newsmon containers (those from the newsmon image) and their commands. */
    private static Map<String, List<String>> newsmonCommands() throws IOException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        compose().get("services").fields().forEachRemaining(s -> {
            if (s.getValue().path("image").asText().startsWith("newsmon:")) {
                List<String> args = new ArrayList<>();
                s.getValue().get("command").forEach(a -> args.add(a.asText()));
                out.put(s.getKey(), args);
            }
        });
        return out;
    }

    private static int topicInitPartitions() throws IOException {
        Matcher m = Pattern.compile("--partitions (\\d+)")
                .matcher(compose().get("services").get("topic-init").get("command").toString());
        assertTrue(m.find(), "topic-init names its partition count");
        return Integer.parseInt(m.group(1));
    }

    private static Map<String, String> dockerfileEnv() throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(NEWSMON_[A-Z0-9_]+)=(\\S+)").matcher(Files.readString(DOCKER.resolve("Dockerfile")));
        while (m.find()) {
            env.put(m.group(1), m.group(2));
        }
        return env;
    }

    private static List<String> entrypoint(String dockerfile) throws IOException {
        Matcher m = Pattern.compile("(?m)^ENTRYPOINT\\s+(\\[.*])$").matcher(dockerfile);
        assertTrue(m.find(), "exec-form ENTRYPOINT");
        List<String> out = new ArrayList<>();
        new ObjectMapper().readTree(m.group(1)).forEach(n -> out.add(n.asText()));
        return out;
    }

    private static JsonNode compose() throws IOException {
        return YAML.readTree(DOCKER.resolve("compose.yaml").toFile());
    }
}
