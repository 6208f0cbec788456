package dev.newsmon.sink.console;

import dev.newsmon.common.model.Alert;
import dev.newsmon.sink.AlertSink;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A readable line per alert for a person watching a terminal: a story with its tags, title and outlet, then
 * {@code +N copies} lines as its copies come in.
 */
public final class ConsoleSink implements AlertSink {
    private static final int REMEMBERED_STORIES = 10_000;

    private final PrintStream out;
    /** Copies seen per story, for the "+N copies" count; oldest stories forgotten first. */
    private final Map<String, Integer> copies = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > REMEMBERED_STORIES;
        }
    };

    public ConsoleSink(PrintStream out) {
        this.out = out;
    }

    @Override
    public String name() {
        return "console";
    }

    @Override
    public void write(Alert alert) {
        out.println(format(alert));
    }

    String format(Alert alert) {
        if (alert.kind() == Alert.Kind.STORY) {
            copies.put(alert.storyId(), 0);
            return String.format(Locale.ROOT, "STORY %s %s  %s  (%s)", alert.storyId(), alert.tags(),
                    alert.title(), alert.outlet());
        }
        int n = copies.merge(alert.storyId(), 1, Integer::sum);
        return String.format(Locale.ROOT, "  +%d %s %s  %s  (%s, similarity %.2f)", n, n == 1 ? "copy " : "copies",
                alert.storyId(), alert.title(), alert.outlet(), alert.similarity() == null ? 0.0 : alert.similarity());
    }

    @Override
    public void commit() {
        out.flush();
    }

    @Override
    public void rollback() {
        // A terminal cannot take lines back; a retried batch prints again, which a reader can tell.
    }

    @Override
    public void close() {
        out.flush();
    }
}
