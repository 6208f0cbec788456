package dev.newsmon.common.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Every newsmon configuration key, with its type, default and documentation: the configuration reference.
 * Kafka client settings are not listed here: any key under {@code kafka.} passes through to the clients.
 */
public final class Settings {
    public static final Setting<Path> DATA_DIR = new Setting<>("data.dir", ValueType.PATH, "./data",
            "Where the embedded broker and the Kafka Streams state live.");
    public static final Setting<Integer> BROKER_PORT = new Setting<>("broker.port", ValueType.INT, "9092",
            "Client port of the embedded broker (used when kafka.bootstrap.servers is empty); 0 picks a free port.");
    public static final Setting<String> BROKER_HEAP = new Setting<>("broker.heap", ValueType.STRING, "320m",
            "Maximum heap of the embedded broker's JVM.");

    public static final Setting<Integer> TOPIC_PARTITIONS = new Setting<>("topics.partitions", ValueType.INT, "3",
            "Partitions of each newsmon topic when newsmon creates it.");
    public static final Setting<Integer> TOPIC_REPLICATION = new Setting<>("topics.replication.factor",
            ValueType.INT, "1", "Replication factor of each newsmon topic when newsmon creates it.");

    public static final Setting<Path> INGEST_FEEDS = new Setting<>("ingest.feeds", ValueType.PATH, "",
            "The feed list: YAML (feeds: [{url, name}]), OPML, or one URL per line.");
    public static final Setting<Duration> INGEST_POLL_INTERVAL = new Setting<>("ingest.poll.interval",
            ValueType.DURATION, "10m", "How often each feed is polled.");
    public static final Setting<Duration> INGEST_CONNECT_TIMEOUT = new Setting<>("ingest.http.connect.timeout",
            ValueType.DURATION, "10s", "TCP connect timeout of a feed fetch.");
    public static final Setting<Duration> INGEST_REQUEST_TIMEOUT = new Setting<>("ingest.http.request.timeout",
            ValueType.DURATION, "30s", "Whole-request timeout of a feed fetch, body included.");
    public static final Setting<Long> INGEST_MAX_BODY = new Setting<>("ingest.http.max.body", ValueType.SIZE, "10MiB",
            "Largest feed body read; a larger one is aborted.");
    public static final Setting<String> INGEST_USER_AGENT = new Setting<>("ingest.http.user.agent", ValueType.STRING,
            "newsmon/0.1 (feed monitor; polite polling)", "User-Agent sent with every fetch.");
    public static final Setting<Integer> INGEST_CONCURRENCY = new Setting<>("ingest.concurrency", ValueType.INT, "8",
            "How many feeds are fetched at once.");

    public static final Setting<String> PROCESSOR_APP_ID = new Setting<>("processor.application.id",
            ValueType.STRING, "newsmon-processor", "Kafka Streams application.id: the processor's group and prefix.");
    public static final Setting<Path> PROCESSOR_RULES = new Setting<>("processor.rules.file", ValueType.PATH,
            "config/rules.yaml", "The tagging rules.");
    public static final Setting<Duration> PROCESSOR_DEDUP_WINDOW = new Setting<>("processor.dedup.window",
            ValueType.DURATION, "7d", "How long an item stays a candidate original for later copies.");
    public static final Setting<Double> PROCESSOR_DEDUP_THRESHOLD = new Setting<>("processor.dedup.threshold",
            ValueType.DOUBLE, "0.6", "Containment of word shingles (0..1) at or above which an item is a copy.");
    public static final Setting<Duration> PROCESSOR_DEDUP_WAIT_TIMEOUT = new Setting<>("processor.dedup.wait.timeout",
            ValueType.DURATION, "2m",
            "Wall-clock time a copy waits for its original's story id before it is alerted as a new story.");
    public static final Setting<Path> PROCESSOR_DEDUP_BOILERPLATE_FILE = new Setting<>(
            "processor.dedup.boilerplate.file", ValueType.PATH, "",
            "Boilerplate patterns stripped before fingerprinting, one '<text|lead|title> <regex>' a line; empty ="
                    + " the built-in list (processor/DEDUP.md).");
    public static final Setting<Long> PROCESSOR_ROCKSDB_CACHE = new Setting<>("processor.rocksdb.block.cache",
            ValueType.SIZE, "64MiB", "Off-heap memory of all the processor's RocksDB stores in this JVM: one shared"
            + " block cache that the write buffers are charged to.");
    public static final Setting<Long> PROCESSOR_ROCKSDB_WRITE_BUFFER = new Setting<>(
            "processor.rocksdb.write.buffer", ValueType.SIZE, "16MiB",
            "Share of processor.rocksdb.block.cache that the stores' write buffers (memtables) may use together.");
    public static final Setting<Integer> PROCESSOR_THREADS = new Setting<>("processor.threads", ValueType.INT, "1",
            "Kafka Streams stream threads in this instance.");

    public static final Setting<Path> SINK_OUT_DIR = new Setting<>("sink.out.dir", ValueType.PATH, "./out",
            "Folder of alerts.jsonl.");
    public static final Setting<String> SINK_GROUP_ID = new Setting<>("sink.group.id", ValueType.STRING,
            "newsmon-sink", "Consumer group of the file sink.");
    public static final Setting<Boolean> SINK_CONSOLE = new Setting<>("sink.console", ValueType.BOOLEAN, "true",
            "Print a readable line per alert.");

    /** The reference, in documentation order. */
    public static final List<Setting<?>> ALL = List.of(
            DATA_DIR, BROKER_PORT, BROKER_HEAP,
            TOPIC_PARTITIONS, TOPIC_REPLICATION,
            INGEST_FEEDS, INGEST_POLL_INTERVAL, INGEST_CONNECT_TIMEOUT, INGEST_REQUEST_TIMEOUT, INGEST_MAX_BODY,
            INGEST_USER_AGENT, INGEST_CONCURRENCY,
            PROCESSOR_APP_ID, PROCESSOR_RULES, PROCESSOR_DEDUP_WINDOW, PROCESSOR_DEDUP_THRESHOLD,
            PROCESSOR_DEDUP_WAIT_TIMEOUT, PROCESSOR_DEDUP_BOILERPLATE_FILE,
            PROCESSOR_ROCKSDB_CACHE, PROCESSOR_ROCKSDB_WRITE_BUFFER, PROCESSOR_THREADS,
            SINK_OUT_DIR, SINK_GROUP_ID, SINK_CONSOLE);

    /** Prefix of the keys passed through to the Kafka clients, prefix removed. */
    public static final String KAFKA_PREFIX = "kafka.";

    private Settings() {
    }
}
