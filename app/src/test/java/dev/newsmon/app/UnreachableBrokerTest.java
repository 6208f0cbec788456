package dev.newsmon.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A cluster that cannot be reached stops start-up quickly: exit code 2 and one line naming the key. */
class UnreachableBrokerTest {
    @TempDir
    Path dir;

    @Test
    void anUnreachableBrokerIsExit2NamingBootstrapServersWithinTheStartupTimeout() throws Exception {
        Path feeds = Files.writeString(dir.resolve("feeds.txt"), "http://127.0.0.1:9/none.xml\n");
        long start = System.nanoTime();
        try (NewsmonProcess p = NewsmonProcess.start(dir.resolve("logs"), Map.of("NEWSMON_STARTUP_TIMEOUT", "1s"),
                "ingest", "--bootstrap-servers", "127.0.0.1:1", "--feeds", feeds.toString(),
                // Its log file goes there, not to the default data.dir under the working folder.
                "--set", "data.dir=" + dir.resolve("data"))) {
            Integer exit = p.waitFor(60);
            assertEquals(2, exit, p.output());
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertTrue(seconds < 30, "gave up after " + seconds + " s, not about startup.timeout=1s");
            List<String> errors = p.stderr().lines().filter(l -> l.startsWith("newsmon:")).toList();
            assertEquals(1, errors.size(), p.output());
            assertTrue(errors.get(0).contains("kafka.bootstrap.servers=127.0.0.1:1"), errors.get(0));
        }
    }
}
