package dev.newsmon.bench.measure;

import dev.newsmon.app.pipeline.Cluster;
import dev.newsmon.app.pipeline.Pipeline;
import dev.newsmon.app.pipeline.ProcessorAssembly;
import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.common.kafka.TopicAdmin;
import dev.newsmon.common.model.FeedItem;
import dev.newsmon.common.ops.Ops;
import dev.newsmon.processor.NewsTopology;
import dev.newsmon.processor.ProcessorService;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Replays the whole of {@code news.items} through a fresh Kafka Streams application, alone on the broker once the
 * pipeline has stopped, and times it from RUNNING until every one of its input topics is consumed. Both replays
 * run with the processor's own streams configuration (exactly_once_v2), so their ratio is the cost of newsmon's
 * topology over the engine's floor. The full topology's alerts go to {@code news.alerts} again (bench on a cluster
 * of its own), and its story clusters read only those back.
 */
public final class Replay {
    private Replay() {
    }

    /**
     * The rate of a replay, the CPU it took this JVM and the broker's from RUNNING until drained, and the records it
     * wrote to each of its internal topics (repartition, resolve, changelogs; named without the application id).
     *
     * @param tailSeconds of the replay's time, the seconds after it had read the last item of {@code news.items}:
     *                    the last items' round trips through its internal topics (0 for a replay that has none)
     */
    public record Result(double recordsPerSecond, double tailSeconds, ProcessCpu.Used cpu,
                         Map<String, Long> internalRecords, long items) {
        public Result {
            internalRecords = Map.copyOf(internalRecords);
        }

        /** Records written to the replay's internal topics, transaction markers included, per item read. */
        public double internalRecordsPerItem() {
            return (double) internalRecords.values().stream().mapToLong(Long::longValue).sum() / items;
        }
    }

    /** The processor's topology (normalise, re-delivery filter, tagging, dedup round trips, alerts, story clusters). */
    public static Result fullTopology(NewsmonConfig config, ProcessCpu cpu, Admin admin, String applicationId,
                                      Duration timeout) throws Exception {
        NewsmonConfig replay = config.withKnown(Map.of(Settings.PROCESSOR_APP_ID.key(), applicationId));
        // The story clusters read news.alerts back, which already holds the alerts of the live run and of every
        // earlier replay: from its start, this replay would update each story once per earlier run as well.
        new TopicProgress(admin, Topics.ALERTS).startAtEnd(applicationId);
        try (Ops ops = Ops.start(replay.withKnown(Map.of(Settings.OPS_HTTP_PORT.key(), "0")), "bench-replay");
             ProcessorService processor = ProcessorAssembly.build(replay, ops)) {
            processor.start();
            return time(replay, cpu, processor::awaitRunning, t -> {
                long itemsRead = awaitItemsRead(replay, t);
                Pipeline.awaitQuiet(replay, List.of(), t);
                return itemsRead;
            }, timeout);
        }
    }

    /** Read, deserialize and write each item unchanged: the engine's own limit with the same serde and guarantee. */
    public static Result passThrough(NewsmonConfig config, ProcessCpu cpu, Admin admin, String applicationId,
                                     Duration timeout) throws Exception {
        TopicAdmin.ensureTopics(admin, List.of(Topics.BENCH_PASSTHROUGH), Map.of(),
                config.get(Settings.TOPIC_PARTITIONS), config.get(Settings.TOPIC_REPLICATION).shortValue());
        Serde<FeedItem> items = JsonSerde.of(FeedItem.class);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.ITEMS, Consumed.with(Serdes.String(), items))
                .to(Topics.BENCH_PASSTHROUGH, Produced.with(Serdes.String(), items));
        NewsmonConfig replay = config.withKnown(Map.of(Settings.PROCESSOR_APP_ID.key(), applicationId));
        try (KafkaStreams streams = new KafkaStreams(builder.build(), NewsTopology.streamsProperties(replay))) {
            CountDownLatch running = new CountDownLatch(1);
            streams.setStateListener((now, before) -> {
                if (now == KafkaStreams.State.RUNNING) {
                    running.countDown();
                }
            });
            streams.start();
            // Its one input is news.items: it reads no alerts back, as the processor does.
            return time(replay, cpu, t -> running.await(t.toMillis(), TimeUnit.MILLISECONDS),
                    t -> awaitItemsRead(replay, t), timeout);
        }
    }

    /** Waits for the replay's group to have consumed news.items; returns the {@link System#nanoTime} it had. */
    private static long awaitItemsRead(NewsmonConfig replay, Duration timeout)
            throws InterruptedException, TimeoutException {
        Pipeline.awaitDrained(replay, Map.of(replay.get(Settings.PROCESSOR_APP_ID), all -> List.of(Topics.ITEMS)),
                timeout);
        return System.nanoTime();
    }

    /** Waits up to a timeout for the replay's streams to be RUNNING; false if they are not by then. */
    private interface Running {
        boolean await(Duration timeout) throws InterruptedException;
    }

    /**
     * Waits up to a timeout for the replay to have consumed every one of its input topics; returns the
     * {@link System#nanoTime} at which it had consumed {@code news.items}.
     */
    private interface Drained {
        long await(Duration timeout) throws InterruptedException, TimeoutException;
    }

    private static Result time(NewsmonConfig replay, ProcessCpu cpu, Running running, Drained drained,
                               Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!running.await(timeout)) {
            throw new TimeoutException("the replay did not reach RUNNING within " + timeout);
        }
        long started = System.nanoTime();
        ProcessCpu.Sample before = cpu.now();
        long itemsRead = drained.await(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        long ended = System.nanoTime();
        ProcessCpu.Used used = cpu.now().since(before);
        double seconds = (ended - started) / 1e9;
        try (Admin admin = Cluster.admin(replay)) {
            long items = new TopicProgress(admin, Topics.ITEMS).end();
            String prefix = replay.get(Settings.PROCESSOR_APP_ID) + "-";
            Map<String, Long> internal = new TreeMap<>();
            for (String topic : admin.listTopics().names().get()) {
                if (topic.startsWith(prefix)) {
                    internal.put(topic.substring(prefix.length()), new TopicProgress(admin, topic).end());
                }
            }
            return new Result(items / seconds, (ended - itemsRead) / 1e9, used, internal, items);
        }
    }
}
