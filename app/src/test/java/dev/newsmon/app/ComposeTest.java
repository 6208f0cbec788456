package dev.newsmon.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newsmon.broker.BrokerMain;
import dev.newsmon.common.config.ConfigException;
import dev.newsmon.common.config.ConfigLoader;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deployment checked against the code, in a unit test's time (DockerStackIT runs it for real): every newsmon
 * container's command is a real CLI command with real options, every NEWSMON_* variable is a real configuration key
 * with a valid value, the image's entrypoint runs those commands through the launcher, and the image build copies
 * every module the reactor needs.
 */
class ComposeTest {
    private static final Path ROOT = Path.of("..");
    private static final Path DOCKER = ROOT.resolve("docker");
    private static final Set<String> SERVICE_COMMANDS = Set.of("ingest", "processor", "sink", "subscribers");
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
            NewsmonConfig config = ConfigLoader.load(null, env, Map.of());
            env.keySet().forEach(k -> assertTrue(k.startsWith("NEWSMON_")
                    || k.equals(config.get(Settings.SINK_POSTGRES_PASSWORD_ENV)), service + ": " + k));
            assertTrue(config.bootstrapServers().isPresent(), service + " runs against the compose broker");
            assertEquals(8080, config.get(Settings.OPS_HTTP_PORT), service);
            assertEquals(partitions(), config.get(Settings.TOPIC_PARTITIONS),
                    service + ": every service creates the topics with the same partition count");
        }
    }

    @Test
    void thereAreTwoProcessorsAndPartitionsForThem() throws IOException {
        int replicas = compose().get("services").get("processor").path("deploy").path("replicas").asInt(1);
        assertEquals(2, replicas);
        assertTrue(partitions() >= replicas, "every processor gets a partition");
    }

    @Test
    void theImageBuildCopiesThePomOfEveryModuleAndTheSourcesOfEveryModuleTheAppIsBuiltFrom() throws IOException {
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
        List<String> modules = matches("<module>([^<]+)</module>", Files.readString(ROOT.resolve("pom.xml")));
        assertTrue(modules.contains("app"), modules.toString());
        for (String module : modules) {
            assertTrue(dockerfile.contains("COPY " + module + "/pom.xml " + module + "/\n"),
                    "Maven reads every module of the reactor: the Dockerfile copies " + module + "/pom.xml");
        }
        for (String module : appModules(modules)) {
            assertTrue(dockerfile.contains("COPY " + module + "/src/main " + module + "/src/main\n"),
                    "app is built from " + module + ": the Dockerfile copies its sources");
        }
        assertTrue(dockerfile.contains("-pl app -am package"), "the build stage builds app and what it needs");
        List<String> ignored = Files.readAllLines(ROOT.resolve(".dockerignore")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        for (String line : ignored) {
            assertFalse(line.equals("*") || line.equals("**") || line.contains("pom.xml") || line.contains("main")
                    || line.startsWith("config") || modules.stream().anyMatch(m -> line.startsWith(m + "/src")),
                    ".dockerignore keeps the poms, src/main and config in the context: " + line);
        }
        assertTrue(ignored.containsAll(List.of("!app/target/newsmon-app.jar", "!app/target/lib")),
                "the prebuilt target's jars are in the context");
    }

    @Test
    void theAirGappedBrokerIsBrokerMainOnTheImagesClassPathWithComposesListeners() throws Exception {
        JsonNode kafka = YAML.readTree(DOCKER.resolve("compose.airgap.yaml").toFile()).get("services").get("kafka");
        List<String> entrypoint = new ArrayList<>();
        kafka.get("entrypoint").forEach(a -> entrypoint.add(a.asText()));
        List<String> image = entrypoint(Files.readString(DOCKER.resolve("Dockerfile")));
        String classPath = image.get(image.indexOf("-cp") + 1);
        assertEquals(classPath, entrypoint.get(entrypoint.indexOf("-cp") + 1), "the broker runs the image's jars");
        int main = entrypoint.indexOf(BrokerMain.class.getName());
        assertEquals(entrypoint.size() - 4, main, "BrokerMain SERVER_PROPERTIES LOG_DIR CLUSTER_ID: " + entrypoint);
        assertTrue(kafka.path("stdin_open").asBoolean(), "BrokerMain stops when its standard input closes");

        String mounted = entrypoint.get(main + 1);
        String volume = kafka.get("volumes").get(0).asText();
        assertTrue(volume.endsWith(":" + mounted + ":ro"), volume);
        Properties server = new Properties();
        try (Reader in = Files.newBufferedReader(DOCKER.resolve(volume.substring(0, volume.indexOf(':'))))) {
            server.load(in);
        }
        assertEquals(entrypoint.get(main + 2), server.getProperty("log.dirs"), "BrokerMain formats the log dir");
        assertEquals(Uuid.fromString(entrypoint.get(main + 3)).toString(),
                entrypoint.get(main + 3), "a valid cluster id");
        JsonNode env = compose().get("services").get("kafka").get("environment");
        assertEquals(env.get("KAFKA_LISTENERS").asText(), server.getProperty("listeners"));
        assertEquals(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS").asText(),
                server.getProperty("controller.quorum.voters"));
        assertEquals(env.get("KAFKA_INTER_BROKER_LISTENER_NAME").asText(),
                server.getProperty("inter.broker.listener.name"));
        assertTrue(server.getProperty("listeners").contains(":29092"), "the services' kafka:29092");
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

    /** The partition count the services create the topics with, the same for all. */
    private static int partitions() throws IOException {
        JsonNode services = compose().get("services");
        Set<String> counts = new TreeSet<>();
        for (String service : newsmonCommands().keySet()) {
            counts.add(services.get(service).path("environment").path("NEWSMON_TOPICS_PARTITIONS").asText());
        }
        assertEquals(1, counts.size(), "NEWSMON_TOPICS_PARTITIONS of each service: " + counts);
        return Integer.parseInt(counts.iterator().next());
    }

    /** The modules app is built from, itself included: its dev.newsmon dependencies, transitively. */
    private static Set<String> appModules(List<String> modules) throws IOException {
        Map<String, String> moduleOfArtifact = new LinkedHashMap<>();
        for (String module : modules) {
            String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
            moduleOfArtifact.put(matches("<artifactId>([^<]+)</artifactId>",
                    pom.substring(pom.indexOf("</parent>"))).get(0), module);
        }
        Set<String> closure = new TreeSet<>();
        List<String> todo = new ArrayList<>(List.of("app"));
        while (!todo.isEmpty()) {
            String module = todo.remove(todo.size() - 1);
            if (closure.add(module)) {
                String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
                matches("<groupId>dev\\.newsmon</groupId>\\s*<artifactId>([^<]+)</artifactId>",
                        pom.substring(pom.indexOf("</parent>"))).forEach(a -> todo.add(moduleOfArtifact.get(a)));
            }
        }
        return closure;
    }

    private static List<String> matches(String regex, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
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
