package dev.newsmon.sink.jsonl;

import dev.newsmon.common.model.Alert;
import dev.newsmon.sink.TestAlerts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonlFileSinkTest {
    @TempDir
    Path out;

    @Test
    void rollbackCutsTheFileBackToTheLastCommit() throws Exception {
        try (JsonlFileSink sink = new JsonlFileSink(out)) {
            sink.write(TestAlerts.alert("s-1", "i-1", Alert.Kind.STORY));
            sink.commit();
            sink.write(TestAlerts.alert("s-1", "i-2", Alert.Kind.COPY));
            sink.rollback();
            sink.write(TestAlerts.alert("s-1", "i-3", Alert.Kind.COPY));
            sink.commit();
        }
        List<String> lines = Files.readAllLines(out.resolve(JsonlFileSink.FILE_NAME));
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).contains("\"item_id\":\"i-1\""));
        assertTrue(lines.get(1).contains("\"item_id\":\"i-3\""));
    }

    @Test
    void appendsToAnExistingFileAcrossRestarts() throws Exception {
        try (JsonlFileSink sink = new JsonlFileSink(out)) {
            sink.write(TestAlerts.alert("s-1", "i-1", Alert.Kind.STORY));
            sink.commit();
        }
        try (JsonlFileSink sink = new JsonlFileSink(out)) {
            sink.write(TestAlerts.alert("s-2", "i-9", Alert.Kind.STORY));
            sink.rollback();
            sink.write(TestAlerts.alert("s-3", "i-8", Alert.Kind.STORY));
            sink.commit();
        }
        List<String> lines = Files.readAllLines(out.resolve(JsonlFileSink.FILE_NAME));
        assertEquals(2, lines.size(), "a rollback after reopening keeps the earlier runs' lines");
        assertTrue(lines.get(1).contains("\"item_id\":\"i-8\""));
    }
}
