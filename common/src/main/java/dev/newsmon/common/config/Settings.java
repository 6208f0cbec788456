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
            "Where the embedded broker, the Kafka Streams state, the services' group member ids and the log file "
                    + "newsmon.log live.");
    public static final Setting<Integer> BROKER_PORT = new Setting<>("broker.port", ValueType.INT, "9092",
            "Client port of the embedded broker (used when kafka.bootstrap.servers is empty); 0 picks a free port.");
    public static final Setting<String> BROKER_HEAP = new Setting<>("broker.heap", ValueType.STRING, "320m",
            "Maximum heap of the embedded broker's JVM.");
    public static final Setting<List<String>> BROKER_JVM_OPTIONS = new Setting<>("broker.jvm-options",
            ValueType.LIST, "", "More options of the embedded broker's JVM, e.g. -XX:TieredStopAtLevel=1 where a "
            + "short-lived broker should spend less CPU on compiling.");

    public static final Setting<Integer> TOPIC_PARTITIONS = new Setting<>("topics.partitions", ValueType.INT, "3",
            "Partitions of each newsmon topic when newsmon creates it.");
    public static final Setting<Integer> TOPIC_REPLICATION = new Setting<>("topics.replication.factor",
            ValueType.INT, "1", "Replication factor of each newsmon topic when newsmon creates it.");

    public static final Setting<Path> INGEST_FEEDS = new Setting<>("ingest.feeds", ValueType.PATH, "",
            "The feed list: YAML (feeds: [{url, name}]), OPML, or one URL per line. run and demo poll it; the ingest "
                    + "service imports it into news.feeds at start and polls the feeds Kafka assigns it.");
    public static final Setting<String> INGEST_GROUP_ID = new Setting<>("ingest.group.id", ValueType.STRING,
            "newsmon-ingest", "Consumer group of the ingest service on news.feeds: its instances share the feeds.");
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
    public static final Setting<Integer> INGEST_CONCURRENCY_PER_HOST = new Setting<>("ingest.concurrency.per.host",
            ValueType.INT, "2", "How many feeds of one host are fetched at once.");
    public static final Setting<Duration> INGEST_POLL_INTERVAL_MIN = new Setting<>("ingest.poll.interval.min",
            ValueType.DURATION, "1m", "Shortest time between two polls of a feed, whatever the feed or server asks.");
    public static final Setting<Duration> INGEST_POLL_INTERVAL_MAX = new Setting<>("ingest.poll.interval.max",
            ValueType.DURATION, "1d",
            "Longest time between two polls of a feed: caps ttl, cache headers, Retry-After and error backoff.");
    public static final Setting<Duration> INGEST_MISSING_BACKOFF = new Setting<>("ingest.poll.missing.backoff",
            ValueType.DURATION, "12h", "Wait after a 404 or 410 (a 410 also disables the feed until it is re-added).");
    public static final Setting<Duration> INGEST_SEEN_RETENTION = new Setting<>("ingest.seen.retention",
            ValueType.DURATION, "30d", "How long ingest remembers an item its feed no longer lists (in memory and"
            + " in news.ingest-seen's retention.ms); an item still listed is kept.");

    public static final Setting<String> PROCESSOR_APP_ID = new Setting<>("processor.application.id",
            ValueType.STRING, "newsmon-processor", "Kafka Streams application.id: the processor's group and prefix.");
    public static final Setting<Path> PROCESSOR_RULES = new Setting<>("processor.rules.file", ValueType.PATH,
            "config/rules.yaml", "The tagging rules.");
    public static final Setting<Duration> PROCESSOR_DEDUP_WINDOW = new Setting<>("processor.dedup.window",
            ValueType.DURATION, "7d", "How long an item stays a candidate original for later copies.");
    public static final Setting<Double> PROCESSOR_DEDUP_THRESHOLD = new Setting<>("processor.dedup.threshold",
            ValueType.DOUBLE, "0.6", "Similarity (0..1) at or above which an item is a copy: the share of the less"
            + " covered text's words that lie in a 4-word run also found in the other (docs/dedup.md).");
    public static final Setting<Duration> PROCESSOR_DEDUP_WAIT_TIMEOUT = new Setting<>("processor.dedup.wait.timeout",
            ValueType.DURATION, "2m",
            "Wall-clock time a copy waits for its original's story id before it is alerted as a new story.");
    public static final Setting<Path> PROCESSOR_DEDUP_BOILERPLATE_FILE = new Setting<>(
            "processor.dedup.boilerplate.file", ValueType.PATH, "",
            "Boilerplate patterns stripped before fingerprinting, one '<text|lead|title> <regex>' a line; empty ="
                    + " the built-in list (docs/dedup.md).");
    public static final Setting<Long> PROCESSOR_ROCKSDB_CACHE = new Setting<>("processor.rocksdb.block.cache",
            ValueType.SIZE, "128MiB", "Off-heap memory of all the processor's RocksDB stores in this JVM: one shared"
            + " block cache that the write buffers are charged to. Half of it is kept for the stores' filters and"
            + " indexes, which need about 42 bytes per item in the dedup window (the default holds them for 1.5M"
            + " items).");
    public static final Setting<Long> PROCESSOR_ROCKSDB_WRITE_BUFFER = new Setting<>(
            "processor.rocksdb.write.buffer", ValueType.SIZE, "64MiB",
            "Share of processor.rocksdb.block.cache that the stores' write buffers (memtables) may use together.");
    public static final Setting<Integer> PROCESSOR_THREADS = new Setting<>("processor.threads", ValueType.INT, "1",
            "Kafka Streams stream threads in this instance; 0 runs one per core.");

    public static final Setting<Path> SINK_OUT_DIR = new Setting<>("sink.out.dir", ValueType.PATH, "./out",
            "Folder of alerts.jsonl.");
    public static final Setting<String> SINK_GROUP_ID = new Setting<>("sink.group.id", ValueType.STRING,
            "newsmon-sink", "Prefix of the sinks' consumer groups: each sink reads in its own group PREFIX-NAME "
            + "(newsmon-sink-jsonl, newsmon-sink-webhook, ...).");
    public static final Setting<Boolean> SINK_CONSOLE = new Setting<>("sink.console", ValueType.BOOLEAN, "true",
            "Print a readable line per alert.");
    public static final Setting<Boolean> SINK_JSONL_ENABLED = new Setting<>("sink.jsonl.enabled", ValueType.BOOLEAN,
            "true", "Append alerts to JSON lines files in sink.out.dir.");
    public static final Setting<Boolean> SINK_JSONL_ROTATE_DAILY = new Setting<>("sink.jsonl.rotate.daily",
            ValueType.BOOLEAN, "false",
            "Write alerts-YYYY-MM-DD.jsonl (UTC day the alert was decided) instead of one alerts.jsonl.");
    public static final Setting<Boolean> SINK_WEBHOOK_ENABLED = new Setting<>("sink.webhook.enabled",
            ValueType.BOOLEAN, "false", "POST each alert to a webhook.");
    public static final Setting<String> SINK_WEBHOOK_URL_ENV = new Setting<>("sink.webhook.url.env",
            ValueType.STRING, "WEBHOOK_URL",
            "Name of the environment variable holding the webhook URL (URLs often carry a token).");
    public static final Setting<String> SINK_WEBHOOK_SECRET_ENV = new Setting<>("sink.webhook.secret.env",
            ValueType.STRING, "WEBHOOK_SECRET",
            "Name of the environment variable holding the HMAC-SHA256 key of X-Newsmon-Signature.");
    public static final Setting<String> SINK_WEBHOOK_FORMAT = new Setting<>("sink.webhook.format", ValueType.STRING,
            "json", "Body of a webhook call: json (the alert) or slack ({\"text\": ...}).");
    public static final Setting<Integer> SINK_WEBHOOK_MAX_ATTEMPTS = new Setting<>("sink.webhook.max.attempts",
            ValueType.INT, "6", "Attempts of one webhook call before its alerts go to news.dlq.webhook.");
    public static final Setting<Duration> SINK_WEBHOOK_BACKOFF = new Setting<>("sink.webhook.backoff",
            ValueType.DURATION, "1s", "Wait before the first retry of a webhook call; doubled on each retry.");
    public static final Setting<Duration> SINK_WEBHOOK_BACKOFF_MAX = new Setting<>("sink.webhook.backoff.max",
            ValueType.DURATION, "1m", "Longest wait between two attempts of a webhook call.");
    public static final Setting<Duration> SINK_WEBHOOK_TIMEOUT = new Setting<>("sink.webhook.timeout",
            ValueType.DURATION, "10s", "Timeout of one webhook request.");
    public static final Setting<Integer> SINK_WEBHOOK_MIN_PRIORITY = new Setting<>("sink.webhook.min.priority",
            ValueType.INT, "0",
            "Only alerts with a tag of at least this priority (the tag's priority in the rules file) are sent.");
    public static final Setting<List<String>> SINK_WEBHOOK_TAGS = new Setting<>("sink.webhook.tags", ValueType.LIST,
            "", "Only alerts with one of these tags are sent; empty sends every tag.");
    public static final Setting<Duration> SINK_WEBHOOK_FOLD_WINDOW = new Setting<>("sink.webhook.fold.window",
            ValueType.DURATION, "10s",
            "Alerts are gathered this long; the copies of one story gathered together are sent as one update.");
    public static final Setting<Boolean> SINK_POSTGRES_ENABLED = new Setting<>("sink.postgres.enabled",
            ValueType.BOOLEAN, "false", "Upsert stories, copies and tags into PostgreSQL.");
    public static final Setting<String> SINK_POSTGRES_URL = new Setting<>("sink.postgres.url", ValueType.STRING,
            "jdbc:postgresql://127.0.0.1:5432/newsmon", "JDBC URL of the database (no password in it).");
    public static final Setting<String> SINK_POSTGRES_USER = new Setting<>("sink.postgres.user", ValueType.STRING,
            "newsmon", "Database user.");
    public static final Setting<String> SINK_POSTGRES_PASSWORD_ENV = new Setting<>("sink.postgres.password.env",
            ValueType.STRING, "PGPASSWORD", "Name of the environment variable holding the database password.");
    public static final Setting<Boolean> SINK_HTTP_ENABLED = new Setting<>("sink.http.enabled", ValueType.BOOLEAN,
            "false", "Serve the dashboard and the Atom feed of alerts (demo turns it on).");
    public static final Setting<String> SINK_HTTP_BIND = new Setting<>("sink.http.bind", ValueType.STRING,
            "127.0.0.1", "Address the dashboard listens on (0.0.0.0 in a container).");
    public static final Setting<Integer> SINK_HTTP_PORT = new Setting<>("sink.http.port", ValueType.INT, "8080",
            "Port of the dashboard and the Atom feed; 0 picks a free port.");
    public static final Setting<Duration> SINK_HTTP_WINDOW = new Setting<>("sink.http.window", ValueType.DURATION,
            "24h", "How far back the dashboard and the Atom feed look.");

    public static final Setting<Boolean> SUBSCRIBERS_ENABLED = new Setting<>("subscribers.enabled",
            ValueType.BOOLEAN, "true", "run and demo also run the subscriber app (each subscription's alert topic,"
            + " digests, growth alerts) and the channels of news.subscriptions (docs/subscriptions.md).");
    public static final Setting<String> SUBSCRIBERS_APP_ID = new Setting<>("subscribers.application.id",
            ValueType.STRING, "newsmon-subscribers",
            "Kafka Streams application.id of the subscriber app: its group and the prefix of its internal topics.");
    public static final Setting<Duration> SUBSCRIBERS_TOPIC_RETENTION = new Setting<>("subscribers.topic.retention",
            ValueType.DURATION, "7d", "retention.ms of each subscription's alert topic newsmon creates; a removed"
            + " subscription's topic is emptied by it.");
    public static final Setting<Duration> SUBSCRIBERS_STORY_WINDOW = new Setting<>("subscribers.story.window",
            ValueType.DURATION, "7d", "How long the subscriber app remembers a story's outlets (for"
            + " filter.min_outlets and growth alerts) after its latest alert.");
    public static final Setting<Duration> SUBSCRIBERS_DIGEST_GRACE = new Setting<>("subscribers.digest.grace",
            ValueType.DURATION, "5m", "How long after its end a digest window still takes late alerts before it"
            + " closes and its digest is sent.");
    public static final Setting<String> CHANNELS_GROUP_ID = new Setting<>("channels.group.id", ValueType.STRING,
            "newsmon-channels", "Consumer group of the channel service on the subscriptions' alert topics and news.digests.");
    public static final Setting<Integer> CHANNELS_MAX_ATTEMPTS = new Setting<>("channels.max.attempts",
            ValueType.INT, "6", "Attempts of one channel message before it goes to news.dlq.channels.");
    public static final Setting<Duration> CHANNELS_BACKOFF = new Setting<>("channels.backoff", ValueType.DURATION,
            "1s", "Wait before the first retry of a channel message; doubled on each retry.");
    public static final Setting<Duration> CHANNELS_BACKOFF_MAX = new Setting<>("channels.backoff.max",
            ValueType.DURATION, "1m", "Longest wait between two attempts of a channel message.");
    public static final Setting<Duration> CHANNELS_TIMEOUT = new Setting<>("channels.timeout", ValueType.DURATION,
            "10s", "Timeout of one channel request (HTTP or SMTP).");
    public static final Setting<String> CHANNELS_SMTP_HOST = new Setting<>("channels.smtp.host", ValueType.STRING,
            "", "SMTP server of the email channels; empty = email messages go to news.dlq.channels.");
    public static final Setting<Integer> CHANNELS_SMTP_PORT = new Setting<>("channels.smtp.port", ValueType.INT,
            "25", "Port of the SMTP server.");
    public static final Setting<Boolean> CHANNELS_SMTP_STARTTLS = new Setting<>("channels.smtp.starttls",
            ValueType.BOOLEAN, "false", "Require STARTTLS before sending.");
    public static final Setting<String> CHANNELS_SMTP_FROM = new Setting<>("channels.smtp.from", ValueType.STRING,
            "newsmon@localhost", "From address of the email channels.");
    public static final Setting<String> CHANNELS_SMTP_USER = new Setting<>("channels.smtp.user", ValueType.STRING,
            "", "SMTP user; empty sends without logging in.");
    public static final Setting<String> CHANNELS_SMTP_PASSWORD_ENV = new Setting<>("channels.smtp.password.env",
            ValueType.STRING, "SMTP_PASSWORD", "Name of the environment variable holding the SMTP password.");

    public static final Setting<Integer> OPS_HTTP_PORT = new Setting<>("ops.http.port", ValueType.INT, "0",
            "Port of the HTTP server with /metrics, /health/live and /health/ready; 0 picks a free port, printed at start.");
    public static final Setting<Duration> SHUTDOWN_TIMEOUT = new Setting<>("shutdown.timeout", ValueType.DURATION,
            "30s", "How long a stop (SIGTERM, Ctrl-C) may take to drain and commit before the process gives up (exit 1).");
    public static final Setting<Duration> STARTUP_TIMEOUT = new Setting<>("startup.timeout", ValueType.DURATION,
            "15s", "How long start-up waits for the Kafka cluster before it exits 2 naming kafka.bootstrap.servers.");
    public static final Setting<String> LOG_FORMAT = new Setting<>("log.format", ValueType.STRING, "text",
            "Log lines as text (key=value pairs) or json (one JSON object per line, MDC fields included).");

    /** The reference, in documentation order. */
    public static final List<Setting<?>> ALL = List.of(
            DATA_DIR, BROKER_PORT, BROKER_HEAP, BROKER_JVM_OPTIONS,
            TOPIC_PARTITIONS, TOPIC_REPLICATION,
            INGEST_FEEDS, INGEST_GROUP_ID, INGEST_POLL_INTERVAL, INGEST_CONNECT_TIMEOUT, INGEST_REQUEST_TIMEOUT, INGEST_MAX_BODY,
            INGEST_USER_AGENT, INGEST_CONCURRENCY, INGEST_CONCURRENCY_PER_HOST, INGEST_POLL_INTERVAL_MIN,
            INGEST_POLL_INTERVAL_MAX, INGEST_MISSING_BACKOFF, INGEST_SEEN_RETENTION,
            PROCESSOR_APP_ID, PROCESSOR_RULES, PROCESSOR_DEDUP_WINDOW, PROCESSOR_DEDUP_THRESHOLD,
            PROCESSOR_DEDUP_WAIT_TIMEOUT, PROCESSOR_DEDUP_BOILERPLATE_FILE,
            PROCESSOR_ROCKSDB_CACHE, PROCESSOR_ROCKSDB_WRITE_BUFFER, PROCESSOR_THREADS,
            SINK_OUT_DIR, SINK_GROUP_ID, SINK_CONSOLE, SINK_JSONL_ENABLED, SINK_JSONL_ROTATE_DAILY,
            SINK_WEBHOOK_ENABLED, SINK_WEBHOOK_URL_ENV, SINK_WEBHOOK_SECRET_ENV, SINK_WEBHOOK_FORMAT,
            SINK_WEBHOOK_MAX_ATTEMPTS, SINK_WEBHOOK_BACKOFF, SINK_WEBHOOK_BACKOFF_MAX, SINK_WEBHOOK_TIMEOUT,
            SINK_WEBHOOK_MIN_PRIORITY, SINK_WEBHOOK_TAGS, SINK_WEBHOOK_FOLD_WINDOW,
            SINK_POSTGRES_ENABLED, SINK_POSTGRES_URL, SINK_POSTGRES_USER, SINK_POSTGRES_PASSWORD_ENV,
            SINK_HTTP_ENABLED, SINK_HTTP_BIND, SINK_HTTP_PORT, SINK_HTTP_WINDOW,
            SUBSCRIBERS_ENABLED, SUBSCRIBERS_APP_ID, SUBSCRIBERS_TOPIC_RETENTION,
            SUBSCRIBERS_STORY_WINDOW, SUBSCRIBERS_DIGEST_GRACE,
            CHANNELS_GROUP_ID, CHANNELS_MAX_ATTEMPTS, CHANNELS_BACKOFF, CHANNELS_BACKOFF_MAX, CHANNELS_TIMEOUT,
            CHANNELS_SMTP_HOST, CHANNELS_SMTP_PORT, CHANNELS_SMTP_STARTTLS, CHANNELS_SMTP_FROM, CHANNELS_SMTP_USER,
            CHANNELS_SMTP_PASSWORD_ENV,
            OPS_HTTP_PORT, SHUTDOWN_TIMEOUT, STARTUP_TIMEOUT, LOG_FORMAT);

    /** Prefix of the keys passed through to the Kafka clients, prefix removed. */
    public static final String KAFKA_PREFIX = "kafka.";

    private Settings() {
    }
}
