package dev.newsmon.common.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FileErrorsTest {
    @TempDir
    Path dir;

    @Test
    void aMissingFileIsNamedWithTheReason() {
        IOException e = assertThrows(IOException.class, () -> Files.readAllBytes(dir.resolve("nope.jsonl")));
        assertEquals("no such file", FileErrors.reason(e));
        assertEquals("no such file: " + dir.resolve("nope.jsonl"), FileErrors.describe(e));
    }

    @Test
    void aFolderReadAsAFileKeepsTheSystemsReason() {
        IOException e = assertThrows(IOException.class, () -> Files.readAllBytes(dir));
        assertEquals("Is a directory", FileErrors.reason(e));
    }

    @Test
    void aFileUnderAFileIsNotADirectory() throws IOException {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        IOException e = assertThrows(IOException.class, () -> Files.readAllBytes(file.resolve("child")));
        assertEquals("not a directory: " + file.resolve("child"), FileErrors.describe(e));
    }

    @Test
    void anErrorThatNamesNoFileKeepsItsMessageOrItsKind() {
        assertEquals("the disk said no", FileErrors.describe(new IOException("the disk said no")));
        assertEquals("EOFException", FileErrors.describe(new java.io.EOFException()));
    }
}
