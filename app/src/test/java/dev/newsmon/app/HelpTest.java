package dev.newsmon.app;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The help a newcomer reads first tells the truth: every command listed, and no promise a command does not keep. */
class HelpTest {
    /** Commands that need --bootstrap-servers, and exit 2 asking for it. */
    private static final List<List<String>> NEED_A_CLUSTER = List.of(List.of("ingest"), List.of("processor"),
            List.of("sink"), List.of("rules", "push", "config/rules.yaml"), List.of("feeds", "add", "x.xml"),
            List.of("feeds", "remove", "x.xml"), List.of("feeds", "list"), List.of("feeds", "import", "x.txt"),
            List.of("feeds", "export"));

    @Test
    void helpIsACommandAndListsEveryCommandIncludingBench() {
        CliRun help = CliRun.of("help");
        assertEquals(0, help.exit(), help.err());
        for (String command : List.of("demo", "run", "feed", "feeds", "ingest", "processor", "sink", "config",
                "rules", "subscriptions", "subscribers", "bench", "help")) {
            assertTrue(help.out().lines().anyMatch(l -> l.trim().startsWith(command + " ")),
                    command + " missing from:\n" + help.out());
        }
        assertEquals(help.out(), CliRun.of("--help").out(), "'help' and '--help' print the same");
    }

    @Test
    void helpOfACommandIsThatCommandsUsage() {
        CliRun help = CliRun.of("help", "rules");
        assertEquals(0, help.exit(), help.err());
        assertTrue(help.out().startsWith("Usage: newsmon rules"), help.out());
    }

    @Test
    void theCommandsThatNeedAClusterDoNotPromiseAnEmbeddedBrokerAndDoAskForOne() {
        for (List<String> command : NEED_A_CLUSTER) {
            String name = String.join(" ", command);
            String usage = usage(command);
            assertFalse(usage.contains("newsmon starts its embedded broker"), name + ":\n" + usage);
            assertTrue(usage.replaceAll("\\s+", " ").contains("the other commands that use Kafka stop and ask for it"),
                    usage);
            CliRun run = CliRun.of(command.toArray(String[]::new));
            assertEquals(Main.USAGE, run.exit(), name + "\n" + run.err());
            assertTrue(run.errors().size() == 1 && run.errors().get(0).contains("--bootstrap-servers"),
                    name + ": " + run.err());
        }
    }

    /** The usage of the deepest command the path names, arguments left out. */
    private static String usage(List<String> command) {
        CommandLine cli = Main.commandLine();
        for (String name : command) {
            if (!cli.getSubcommands().containsKey(name)) {
                break;
            }
            cli = cli.getSubcommands().get(name);
        }
        return cli.getUsageMessage();
    }

    @Test
    void benchOutsideTheLauncherSaysWhereItIs() {
        CliRun bench = CliRun.of("bench", "--feeds", "10");
        assertEquals(Main.USAGE, bench.exit());
        assertEquals(List.of("newsmon: bench runs from the ./newsmon launcher of a source checkout (module bench): "
                + "./newsmon bench --help"), bench.errors());
    }
}
