package dev.newsmon.bench.measure;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsmon.common.json.Json;
import dev.newsmon.common.model.Alert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Follows alerts.jsonl as the sink writes it and hands each new alert, with the time its line was read, to a
 * listener; an item alerted again counts as a duplicate instead. It looks every {@link #EVERY_MILLIS} ms, which
 * bounds the error it adds to a latency.
 */
public final class AlertTailer implements AutoCloseable {
    public static final long EVERY_MILLIS = 20;
    private static final Logger LOG = LoggerFactory.getLogger(AlertTailer.class);
    private static final ObjectMapper JSON = Json.mapper();

    private final Path file;
    private final Listener listener;
    private final Thread thread;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Set<String> items = new HashSet<>();
    private long offset;
    private int duplicates;
    private volatile int lines;
    private volatile long lastLineMillis;

    /** Told of each item's first alert. */
    public interface Listener {
        void written(Alert alert, long epochMillis);
    }

    public AlertTailer(Path file, Listener listener) {
        this.file = file;
        this.listener = listener;
        this.thread = new Thread(this::follow, "bench-alert-tailer");
        thread.setDaemon(true);
        thread.start();
    }

    private void follow() {
        try {
            do {
                readNewLines();
            } while (!stop.await(EVERY_MILLIS, TimeUnit.MILLISECONDS));
            readNewLines();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.error("cannot follow file={}: {}", file, e.toString());
        }
    }

    private synchronized void readNewLines() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length <= offset) {
                return;
            }
            byte[] bytes = new byte[(int) (length - offset)];
            in.seek(offset);
            in.readFully(bytes);
            int lastNewline = lastIndexOf(bytes, (byte) '\n');
            if (lastNewline < 0) {
                return;
            }
            offset += lastNewline + 1;
            long now = System.currentTimeMillis();
            String text = new String(bytes, 0, lastNewline, StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                Alert alert = JSON.readValue(line, Alert.class);
                if (items.add(alert.itemId())) {
                    listener.written(alert, now);
                } else {
                    duplicates++;
                }
                lines++;
            }
            lastLineMillis = now;
        }
    }

    private static int lastIndexOf(byte[] bytes, byte b) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    public int lines() {
        return lines;
    }

    public long lastLineMillis() {
        return lastLineMillis;
    }

    public synchronized int duplicates() {
        return duplicates;
    }

    /** Stops following after one last read. */
    @Override
    public void close() throws InterruptedException {
        stop.countDown();
        thread.join();
    }
}
