package dev.newsmon.sink.jsonl;

import dev.newsmon.common.model.Alert;
import dev.newsmon.sink.TestAlerts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    @Test
    void aReplayAfterACrashBeforeTheOffsetCommitWritesNothingTwice() throws Exception {
        try (JsonlFileSink sink = new JsonlFileSink(out)) {
            sink.write(TestAlerts.alert("s-1", "i-1", Alert.Kind.STORY));
            sink.write(TestAlerts.alert("s-1", "i-2", Alert.Kind.COPY));
            sink.commit();
        }
        // The offsets were never committed: a new sink gets the same alerts again, and one more.
        try (JsonlFileSink sink = new JsonlFileSink(out)) {
            sink.write(TestAlerts.alert("s-1", "i-1", Alert.Kind.STORY));
            sink.write(TestAlerts.alert("s-1", "i-2", Alert.Kind.COPY));
            sink.write(TestAlerts.alert("s-1", "i-3", Alert.Kind.COPY));
            sink.commit();
        }
        List<String> lines = Files.readAllLines(out.resolve(JsonlFileSink.FILE_NAME));
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(2).contains("\"item_id\":\"i-3\""));
    }

    @Test
    void dailyRotationWritesOneFilePerUtcDayOfTheAlert() throws Exception {
        Alert monday = TestAlerts.alert("s-1", "i-1", Alert.Kind.STORY);
        Alert tuesday = withAlerted(TestAlerts.alert("s-2", "i-2", Alert.Kind.STORY),
                Instant.parse("2026-11-27T00:00:01Z"));
        try (JsonlFileSink sink = new JsonlFileSink(out, true)) {
            sink.write(monday);
            sink.write(tuesday);
            sink.commit();
        }
        assertEquals(1, Files.readAllLines(out.resolve("alerts-2026-11-26.jsonl")).size());
        List<String> second = Files.readAllLines(out.resolve("alerts-2026-11-27.jsonl"));
        assertEquals(1, second.size());
        assertTrue(second.get(0).contains("\"item_id\":\"i-2\""));
        assertFalse(Files.exists(out.resolve(JsonlFileSink.FILE_NAME)), "no undated file when rotating");
    }

    @Test
    void anAlertRolledBackIsWrittenWhenItComesAgain() throws Exception {
        try (JsonlFileSink sink = new JsonlFileSink(out)) {
            sink.write(TestAlerts.alert("s-1", "i-1", Alert.Kind.STORY));
            sink.rollback();
            sink.write(TestAlerts.alert("s-1", "i-1", Alert.Kind.STORY));
            sink.commit();
        }
        assertEquals(1, Files.readAllLines(out.resolve(JsonlFileSink.FILE_NAME)).size());
    }

    @Test
    void aFullDiskIsAnErrorNamingTheFileAndTheFileIsOpenedAfreshOnceThereIsSpace() throws Exception {
        Path file = out.resolve(JsonlFileSink.FILE_NAME);
        // Every write to /dev/full fails with ENOSPC, as on a full disk.
        Files.createSymbolicLink(file, Path.of("/dev/full"));
        try (JsonlFileSink sink = new JsonlFileSink(out)) {
            IOException full = assertThrows(IOException.class,
                    () -> sink.write(TestAlerts.alert("s-1", "i-1", Alert.Kind.STORY)));
            assertTrue(full.getMessage().contains(file.toString()), full.getMessage());
            assertTrue(full.getMessage().contains("No space left on device"), full.getMessage());
            sink.rollback();

            Files.delete(file);
            sink.write(TestAlerts.alert("s-1", "i-1", Alert.Kind.STORY));
            sink.commit();
        }
        assertEquals(1, Files.readAllLines(file).size(), "written once the disk has room");
    }

    @Test
    void anUnwritableFolderIsAnErrorNamingTheFileAndIsUsedOnceFixed() throws Exception {
        Path blocker = Files.writeString(out.resolve("blocked"), "a file where the folder should be");
        Path folder = blocker.resolve("alerts");
        try (JsonlFileSink sink = new JsonlFileSink(folder)) {
            IOException blocked = assertThrows(IOException.class,
                    () -> sink.write(TestAlerts.alert("s-1", "i-1", Alert.Kind.STORY)));
            assertTrue(blocked.getMessage().startsWith("cannot append to " + sink.file()), blocked.getMessage());
            sink.rollback();

            Files.delete(blocker);
            sink.write(TestAlerts.alert("s-1", "i-1", Alert.Kind.STORY));
            sink.commit();
            assertEquals(1, Files.readAllLines(sink.file()).size());
        }
    }

    private static Alert withAlerted(Alert a, Instant alerted) {
        return new Alert(a.schemaVersion(), a.kind(), a.storyId(), a.itemId(), a.url(), a.title(), a.outlet(),
                a.feedUrl(), a.published(), a.fetched(), alerted, a.tags(), a.matches(), a.similarity(), a.copyOf(),
                a.rulesVersion(), a.relevance(), a.language(), a.text());
    }
}
