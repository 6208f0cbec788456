package dev.newsmon.sink.jsonl;

import dev.newsmon.common.model.Alert;
import dev.newsmon.sink.TestAlerts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A batch replayed after a crash between fsync and offset commit writes nothing twice. */
class JsonlReplayTest {
    @TempDir
    Path out;

    @Test
    void alertsAlreadyInTheFileAreNotWrittenAgainAfterARestart() throws Exception {
        try (JsonlFileSink sink = new JsonlFileSink(out)) {
            sink.write(TestAlerts.alert("s-1", "i-1", Alert.Kind.STORY));
            sink.write(TestAlerts.alert("s-1", "i-2", Alert.Kind.COPY));
            sink.commit();
        }
        try (JsonlFileSink restarted = new JsonlFileSink(out)) {
            restarted.write(TestAlerts.alert("s-1", "i-1", Alert.Kind.STORY));
            restarted.write(TestAlerts.alert("s-1", "i-2", Alert.Kind.COPY));
            restarted.write(TestAlerts.alert("s-1", "i-3", Alert.Kind.COPY));
            restarted.commit();
        }
        List<String> lines = Files.readAllLines(out.resolve(JsonlFileSink.FILE_NAME));
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(2).contains("\"item_id\":\"i-3\""));
    }

    @Test
    void onlyTheBoundedTailOfTheFileIsRead() throws Exception {
        Path file = out.resolve(JsonlFileSink.FILE_NAME);
        try (JsonlFileSink sink = new JsonlFileSink(out)) {
            sink.write(TestAlerts.alert("s-1", "i-old", Alert.Kind.STORY));
            sink.commit();
        }
        // Pushes i-old out of the bounded tail.
        String filler = "{\"item_id\":\"filler\"}\n".repeat(ReplayGuard.TAIL_BYTES / 20 + 1);
        Files.writeString(file, filler, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (JsonlFileSink restarted = new JsonlFileSink(out)) {
            restarted.write(TestAlerts.alert("s-1", "i-old", Alert.Kind.STORY));
            restarted.write(TestAlerts.alert("s-1", "filler", Alert.Kind.STORY));
            restarted.commit();
        }
        List<String> lines = Files.readAllLines(file);
        assertTrue(lines.get(lines.size() - 1).contains("\"item_id\":\"i-old\""),
                "an id beyond the tail is not known: it is written (the bound is documented)");
        assertEquals(0, lines.stream().filter(l -> l.contains("\"filler\"") && l.contains("story_id")).count(),
                "an id in the tail is skipped");
    }
}
