package dev.newsmon.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Input a person gets wrong is refused with one line that says what is wrong and why, and exit code 2. */
class CliErrorsTest {
    @TempDir
    Path dir;

    @Test
    void aMissingItemsFileIsNamedAsMissing() {
        Path items = dir.resolve("nope.jsonl");
        assertRefused(List.of("newsmon: no such file: " + items),
                "rules", "test", "../config/rules.yaml", "--items", items.toString());
    }

    @Test
    void aMissingRulesFileIsNamedAsMissing() {
        Path rules = dir.resolve("nope.yaml");
        assertRefused(List.of("newsmon: cannot read rules file " + rules + ": no such file"),
                "rules", "test", rules.toString(), "--items", "../corpus/dev/items.jsonl");
        assertRefused(List.of("newsmon: no such file: " + rules),
                "rules", "push", rules.toString(), "--bootstrap-servers", "127.0.0.1:1");
    }

    @Test
    void aMissingConfigFileIsNamedAsMissing() {
        Path config = dir.resolve("nope.yaml");
        assertRefused(List.of("newsmon: cannot read config file " + config + ": no such file"),
                "config", "--effective", "--config", config.toString());
    }

    @Test
    void aConfigFileThatIsNotYamlSaysWhereWithoutTheParsersDump() throws Exception {
        Path config = Files.writeString(dir.resolve("broken.yaml"), "data.dir: [unclosed\n");
        CliRun run = CliRun.of("config", "--effective", "--config", config.toString());
        assertEquals(Main.USAGE, run.exit());
        assertEquals(1, run.errors().size(), run.err());
        String line = run.errors().get(0);
        assertEquals(true, line.startsWith("newsmon: config file " + config + " is not valid YAML: ")
                && line.endsWith("(line 2, column 1)"), line);
    }

    @Test
    void aRefusedConnectionSaysConnectionRefused() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/feed.xml";
        assertRefused(List.of("newsmon: cannot fetch " + url + ": connection refused"), "feed", "parse", url);
    }

    @Test
    void aBadQueryIsOneLineNamingTheFileLineTagAndQuery() throws Exception {
        Path rules = Files.writeString(dir.resolve("bad.yaml"), """
                tags:
                  station:
                    queries:
                      - name: unclosed
                        query: 'station AND (orbit'
                """);
        assertRefused(List.of("newsmon: " + rules + ":5: tag 'station' query 'unclosed': invalid query: the query "
                        + "ends too soon: an unclosed parenthesis or quote?"),
                "rules", "test", rules.toString(), "--items", "../corpus/dev/items.jsonl");
    }

    private static void assertRefused(List<String> expected, String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(Main.USAGE, run.exit(), run.err());
        assertEquals(expected, run.errors(), run.err());
    }
}
