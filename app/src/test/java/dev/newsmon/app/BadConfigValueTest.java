package dev.newsmon.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bad value refused through the real entry point in a child JVM: exit code 2 and one line naming the key. */
class BadConfigValueTest {
    @TempDir
    Path dir;

    @Test
    void aBadValueInTheEnvironmentIsOneLineNamingKeyAndTypeAndExit2() throws Exception {
        Path feeds = Files.writeString(dir.resolve("feeds.txt"), "http://127.0.0.1:9/none.xml\n");
        try (NewsmonProcess p = NewsmonProcess.start(dir.resolve("logs"),
                Map.of("NEWSMON_PROCESSOR_DEDUP_WINDOW", "banana"), "run", "--once", "--feeds", feeds.toString())) {
            assertEquals(2, p.waitFor(60), p.output());
            List<String> lines = p.stderr().lines().toList();
            assertEquals(1, lines.size(), p.output());
            String line = lines.get(0);
            assertTrue(line.contains("processor.dedup.window") && line.contains("NEWSMON_PROCESSOR_DEDUP_WINDOW")
                    && line.contains("expects a duration") && line.contains("banana"), line);
        }
    }
}
