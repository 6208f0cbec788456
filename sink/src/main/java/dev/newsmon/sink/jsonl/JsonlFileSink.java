package dev.newsmon.sink.jsonl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.newsmon.common.json.Json;
import dev.newsmon.common.model.Alert;
import dev.newsmon.sink.AlertSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Appends each alert as one JSON line to {@code alerts.jsonl}, or with daily rotation to
 * {@code alerts-YYYY-MM-DD.jsonl} by the UTC day the alert was decided (its {@code alerted} time, so a replay
 * picks the same file). A commit forces the bytes to disk (fsync); a rollback cuts each file back to its size at
 * the last commit, so a batch that failed half-way (disk full) is written again whole rather than twice in part, and
 * closes it, so the next batch opens it afresh: whatever fixed the failure outside (space freed, the folder made
 * writable, the file moved aside) takes effect without a restart. Errors name the file.
 *
 * <p>Idempotent: when a file is opened, the item ids in its tail are read back, and an alert already there is not
 * written again. A crash between the fsync and the offset commit re-delivers only alerts of that tail.
 */
public final class JsonlFileSink implements AlertSink {
    public static final String FILE_NAME = "alerts.jsonl";
    /** The sink's name, and so the end of its consumer group's id. */
    public static final String NAME = "jsonl";
    private static final Logger LOG = LoggerFactory.getLogger(JsonlFileSink.class);
    /** Far more than one uncommitted batch of alert lines. */
    private static final long TAIL_BYTES = 8L * 1024 * 1024;
    private static final int REMEMBERED_IDS = 100_000;

    private final Path outDir;
    private final boolean rotateDaily;
    private final ObjectWriter writer = Json.mapper().writer();
    private final Map<Path, OpenFile> open = new LinkedHashMap<>();

    public JsonlFileSink(Path outDir) {
        this(outDir, false);
    }

    public JsonlFileSink(Path outDir, boolean rotateDaily) {
        this.outDir = outDir;
        this.rotateDaily = rotateDaily;
    }

    /** The file of alerts without rotation. */
    public Path file() {
        return outDir.resolve(FILE_NAME);
    }

    /** The file an alert is written to. */
    public Path fileFor(Alert alert) {
        if (!rotateDaily) {
            return file();
        }
        return outDir.resolve("alerts-" + alert.alerted().atOffset(ZoneOffset.UTC).toLocalDate() + ".jsonl");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void write(Alert alert) throws IOException {
        Path path = fileFor(alert);
        try {
            OpenFile f = open(path);
            if (!f.itemIds.add(alert.itemId())) {
                LOG.debug("item_id={} already in file={}, not written again", alert.itemId(), f.path);
                return;
            }
            byte[] json = writer.writeValueAsBytes(alert);
            ByteBuffer line = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
            while (line.hasRemaining()) {
                f.channel.write(line);
            }
        } catch (IOException e) {
            throw new IOException("cannot append to " + path + ": " + e, e);
        }
    }

    @Override
    public void commit() throws IOException {
        for (OpenFile f : open.values()) {
            try {
                f.channel.force(false);
                f.committedSize = f.channel.size();
            } catch (IOException e) {
                throw new IOException("cannot flush " + f.path + " to disk: " + e, e);
            }
        }
        // Yesterday's file is done once today's exists; keep only the newest one open.
        Iterator<OpenFile> it = open.values().iterator();
        while (open.size() > 1 && it.hasNext()) {
            it.next().channel.close();
            it.remove();
        }
    }

    @Override
    public void rollback() throws IOException {
        try {
            for (OpenFile f : open.values()) {
                if (f.channel.isOpen()) {
                    f.channel.truncate(f.committedSize);
                }
            }
        } finally {
            // Reopened at the next write, which reads the item ids back from what the file really holds.
            close();
        }
    }

    @Override
    public void close() throws IOException {
        for (OpenFile f : open.values()) {
            f.channel.close();
        }
        open.clear();
    }

    private OpenFile open(Path path) throws IOException {
        OpenFile f = open.get(path);
        if (f == null) {
            Files.createDirectories(path.getParent());
            FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            channel.position(channel.size());
            f = new OpenFile(path, channel, channel.size(), tailItemIds(channel, path));
            open.put(path, f);
        }
        return f;
    }

    private static Set<String> tailItemIds(FileChannel channel, Path path) throws IOException {
        long size = channel.size();
        long from = Math.max(0, size - TAIL_BYTES);
        ByteBuffer buf = ByteBuffer.allocate((int) (size - from));
        int n;
        do {
            n = channel.read(buf, from + buf.position());
        } while (n >= 0 && buf.hasRemaining());
        String tail = new String(buf.array(), StandardCharsets.UTF_8);
        String[] lines = tail.split("\n");
        Set<String> ids = recentIds();
        // When the tail starts mid-file its first line is cut; a last line without newline was never committed.
        for (int i = from == 0 ? 0 : 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                JsonNode id = Json.mapper().readTree(lines[i]).get("item_id");
                if (id != null) {
                    ids.add(id.asText());
                }
            } catch (IOException e) {
                LOG.warn("file={} has a line that is not JSON near the end ({}); it is kept as is", path,
                        e.getMessage());
            }
        }
        return ids;
    }

    /** The ids a re-delivery can repeat: bounded, since only the latest uncommitted stretch comes again. */
    private static Set<String> recentIds() {
        return Collections.newSetFromMap(new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > REMEMBERED_IDS;
            }
        });
    }

    private static final class OpenFile {
        final Path path;
        final FileChannel channel;
        final Set<String> itemIds;
        long committedSize;

        OpenFile(Path path, FileChannel channel, long committedSize, Set<String> itemIds) {
            this.path = path;
            this.channel = channel;
            this.committedSize = committedSize;
            this.itemIds = itemIds;
        }
    }
}
