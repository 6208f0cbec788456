package dev.newsmon.sink.console;

import dev.newsmon.common.model.Alert;
import dev.newsmon.sink.TestAlerts;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleSinkTest {
    @Test
    void printsTheStoryThenCountsItsCopies() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleSink sink = new ConsoleSink(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        sink.write(TestAlerts.alert("s-1", "i-1", Alert.Kind.STORY));
        sink.write(TestAlerts.alert("s-1", "i-2", Alert.Kind.COPY));
        sink.write(TestAlerts.alert("s-1", "i-3", Alert.Kind.COPY));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(3, lines.length);
        assertTrue(lines[0].startsWith("STORY s-1 [space-station]  Station news  (Harbor City Post)"), lines[0]);
        assertTrue(lines[1].startsWith("  +1 copy "), lines[1]);
        assertTrue(lines[2].startsWith("  +2 copies"), lines[2]);
        assertTrue(lines[2].contains("similarity 0.91"), lines[2]);
    }
}
