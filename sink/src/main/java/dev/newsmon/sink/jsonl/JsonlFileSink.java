package dev.newsmon.sink.jsonl;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.newsmon.common.json.Json;
import dev.newsmon.common.model.Alert;
import dev.newsmon.sink.AlertSink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends each alert as one JSON line to {@code alerts.jsonl}. A commit forces the bytes to disk (fsync);
 * a rollback cuts the file back to its size at the last commit, so a batch that failed half-way (disk full)
 * is written again whole rather than twice in part. An alert whose item id is already in the tail of the file
 * (a batch replayed after a crash between the fsync and the offset commit) is skipped: see {@link ReplayGuard}.
 */
public final class JsonlFileSink implements AlertSink {
    public static final String FILE_NAME = "alerts.jsonl";

    private final Path file;
    private final ObjectWriter writer = Json.mapper().writer();
    private FileChannel channel;
    private long committedSize;
    private ReplayGuard replayed;

    public JsonlFileSink(Path outDir) {
        this.file = outDir.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    @Override
    public String name() {
        return "jsonl";
    }

    @Override
    public void write(Alert alert) throws IOException {
        FileChannel ch = channel();
        if (replayed.alreadyWritten(alert.itemId())) {
            return;
        }
        byte[] json = writer.writeValueAsBytes(alert);
        ByteBuffer line = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
        while (line.hasRemaining()) {
            ch.write(line);
        }
    }

    @Override
    public void commit() throws IOException {
        if (channel != null) {
            channel.force(false);
            committedSize = channel.size();
        }
    }

    @Override
    public void rollback() throws IOException {
        if (channel != null && channel.isOpen()) {
            channel.truncate(committedSize);
        }
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    private FileChannel channel() throws IOException {
        if (channel == null) {
            Files.createDirectories(file.getParent());
            replayed = ReplayGuard.readTail(file);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            committedSize = channel.size();
        }
        return channel;
    }
}
