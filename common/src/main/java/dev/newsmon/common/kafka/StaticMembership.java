package dev.newsmon.common.kafka;

import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import org.apache.kafka.clients.consumer.ConsumerConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Static group membership ({@code group.instance.id}) with a short session, for the processor and the sink groups.
 * A member that restarts after a crash comes back under the same id and takes its partitions back at once, where
 * a new member would wait for the dead one's session to expire (45 s by Kafka's default); one that does not come
 * back loses them after {@link #SESSION_TIMEOUT_MS}. Leaving on a graceful stop is up to the member's close.
 *
 * <p>The id of a member is kept under {@code data.dir}, one file per group and slot, each locked for as long as
 * the process lives: a restart (even after kill -9, which releases the lock) finds its id again, and two
 * processes sharing a {@code data.dir} get different ids.
 */
public final class StaticMembership {
    /** A client chooses it under the classic protocol; brokers accept 6 s to 30 min by default. */
    public static final int SESSION_TIMEOUT_MS = 10_000;
    /** A member learns of a rebalance at its next heartbeat (Kafka's default: every 3 s). */
    public static final int HEARTBEAT_INTERVAL_MS = 1_000;
    /** Claimed ids stay locked until the process exits: the channels must stay reachable for that. */
    private static final List<FileChannel> HELD = new CopyOnWriteArrayList<>();

    private StaticMembership() {
    }

    /** The session settings of a member; {@code kafka.*} settings applied after them override them. */
    public static Map<String, Object> session() {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, SESSION_TIMEOUT_MS);
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, HEARTBEAT_INTERVAL_MS);
        return props;
    }

    /** The session settings and this process's instance id in {@code group}, claimed under {@code data.dir}. */
    public static Map<String, Object> member(NewsmonConfig config, String group) {
        Map<String, Object> props = session();
        props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId(config.get(Settings.DATA_DIR), group));
        return props;
    }

    /** The id of the first slot of {@code group} no other process (or member of this one) holds. */
    public static String instanceId(Path dataDir, String group) {
        Path dir = dataDir.resolve("group-members").resolve(group.replaceAll("[^A-Za-z0-9._-]", "_"));
        try {
            Files.createDirectories(dir);
            for (int slot = 1; ; slot++) {
                FileChannel file = FileChannel.open(dir.resolve(slot + ".id"), StandardOpenOption.CREATE,
                        StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock = tryLock(file);
                if (lock == null) {
                    file.close();
                    continue;
                }
                HELD.add(file);
                return readOrCreate(file, group);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot claim a group.instance.id for group " + group + " in " + dir, e);
        }
    }

    private static FileLock tryLock(FileChannel file) throws IOException {
        try {
            return file.tryLock();
        } catch (OverlappingFileLockException heldHere) {
            return null;
        }
    }

    private static String readOrCreate(FileChannel file, String group) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(file.size(), 1024));
        file.read(buffer, 0);
        String id = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).trim();
        if (id.isEmpty()) {
            id = group + "-" + UUID.randomUUID().toString().substring(0, 8);
            file.truncate(0);
            file.write(ByteBuffer.wrap(id.getBytes(StandardCharsets.UTF_8)), 0);
            file.force(true);
        }
        return id;
    }
}
