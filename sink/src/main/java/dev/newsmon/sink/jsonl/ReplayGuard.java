package dev.newsmon.sink.jsonl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsmon.common.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * The item ids in the tail of an existing alerts file. A sink that died after its fsync but before its offset
 * commit is given that batch again on restart; those alerts are the last lines of the file, so skipping the ids
 * found there makes the replay write nothing twice. The tail read is bounded, far above one poll's batch
 * (500 records by default): the file itself may be any size.
 */
final class ReplayGuard {
    static final int TAIL_BYTES = 8 * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(ReplayGuard.class);
    private static final ObjectMapper JSON = Json.mapper();

    private final Set<String> itemIds;

    private ReplayGuard(Set<String> itemIds) {
        this.itemIds = itemIds;
    }

    static ReplayGuard readTail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new ReplayGuard(Set.of());
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return readTail(channel);
        }
    }

    private static ReplayGuard readTail(FileChannel channel) throws IOException {
        long size = channel.size();
        int length = (int) Math.min(size, TAIL_BYTES);
        ByteBuffer tail = ByteBuffer.allocate(length);
        long from = size - length;
        while (tail.hasRemaining()) {
            if (channel.read(tail, from + tail.position()) < 0) {
                break;
            }
        }
        String text = new String(tail.array(), 0, tail.position(), StandardCharsets.UTF_8);
        // A tail that starts mid-file starts mid-line: that first fragment is not a whole alert.
        int start = from > 0 ? text.indexOf('\n') + 1 : 0;
        Set<String> ids = new HashSet<>();
        for (String line : text.substring(start).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode id = JSON.readTree(line).get("item_id");
                if (id != null && id.isTextual()) {
                    ids.add(id.asText());
                }
            } catch (IOException e) {
                // A line cut short by a crash before the fsync is rewritten by the replay; nothing to skip.
                LOG.warn("unreadable line in the tail of the alerts file, ignored: {}", e.getMessage());
            }
        }
        return new ReplayGuard(ids);
    }

    /** True when the alert about {@code itemId} is already in the file. */
    boolean alreadyWritten(String itemId) {
        return itemIds.contains(itemId);
    }
}
