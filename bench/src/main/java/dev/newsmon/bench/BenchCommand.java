package dev.newsmon.bench;

import dev.newsmon.app.cli.ConfigOptions;
import dev.newsmon.app.ops.LogFile;
import dev.newsmon.app.pipeline.Cluster;
import dev.newsmon.app.pipeline.Pipeline;
import dev.newsmon.bench.measure.AlertTailer;
import dev.newsmon.bench.measure.ProcessCpu;
import dev.newsmon.bench.measure.Replay;
import dev.newsmon.bench.measure.ReplayPair;
import dev.newsmon.bench.measure.PeakRss;
import dev.newsmon.bench.measure.Percentiles;
import dev.newsmon.bench.measure.TopicProgress;
import dev.newsmon.bench.workload.BenchFeedServer;
import dev.newsmon.bench.workload.SteadyFeeds;
import dev.newsmon.bench.workload.SyntheticFeeds;
import dev.newsmon.broker.EmbeddedBroker;
import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import dev.newsmon.common.json.Json;
import dev.newsmon.ingest.PollSummary;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Runs the whole pipeline over N synthetic feeds served by a local HTTP server, then replays "
                + "the items through the full topology and through a pass-through topology on the same broker, and "
                + "reports throughput per stage, end-to-end latency, peak memory and the ratio of the two replays.",
                "With --rate, news arrives in the feeds at each given rate in turn instead, while every feed is "
                        + "polled on a short interval, and the latency from the feed response that first carried an "
                        + "item to its alert line is reported per rate."})
public final class BenchCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(BenchCommand.class);
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(30);
    private static final Duration DRAIN_TIMEOUT_STEADY = Duration.ofMinutes(2);
    private static final long SAMPLE_MILLIS = 250;

    @Mixin
    ConfigOptions options;

    @Option(names = "--feeds", description = "Number of feeds (default 2000; with --rate, 200).")
    Integer feeds;

    @Option(names = "--rate", split = ",", paramLabel = "ITEMS_PER_SECOND",
            description = "New items per second arriving in the feeds; several, comma-separated, run one after the "
                    + "other. The first also warms up for --warmup seconds first.")
    List<Integer> rates;

    @Option(names = "--step", defaultValue = "60s", converter = DurationConverter.class,
            description = "How long each --rate runs (default ${DEFAULT-VALUE}).")
    Duration step;

    @Option(names = "--warmup", defaultValue = "20s", converter = DurationConverter.class,
            description = "With --rate, the time at the first rate left out of the figures (default "
                    + "${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(names = "--poll-interval", defaultValue = "1s", converter = DurationConverter.class,
            description = "With --rate, how often each feed is polled (default ${DEFAULT-VALUE}).")
    Duration pollInterval;

    @Option(names = "--target-p99", defaultValue = "2s", converter = DurationConverter.class,
            description = "With --rate, the p99 latency a rate must keep to count as sustained (default "
                    + "${DEFAULT-VALUE}).")
    Duration targetP99;

    @Option(names = "--tagged-share", defaultValue = "0.05",
            description = "Share of items that are space-station stories (default ${DEFAULT-VALUE}).")
    double taggedShare;

    @Option(names = "--copy-share", defaultValue = "0.5",
            description = "Share of those stories that are syndicated copies of another feed's (default "
                    + "${DEFAULT-VALUE}).")
    double copyShare;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the generated feeds (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--replay-pairs", defaultValue = "3",
            description = "Counted pairs of replays (the full topology, then the pass-through), after one pair that "
                    + "warms up the JIT; the ratio reported is the median pair's, with its range (default "
                    + "${DEFAULT-VALUE}).")
    int replayPairs;

    @Option(names = "--json", description = "Print the figures as one JSON object instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (replayPairs < 1) {
            throw new ParameterException(spec.commandLine(), "--replay-pairs must be 1 or more: " + replayPairs);
        }
        Path work = Files.createTempDirectory("newsmon-bench");
        String run = "bench-" + System.currentTimeMillis();
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put(Settings.DATA_DIR.key(), work.resolve("data").toString());
        flags.put(Settings.BROKER_PORT.key(), "0");
        flags.put(Settings.SINK_OUT_DIR.key(), work.resolve("out").toString());
        flags.put(Settings.SINK_CONSOLE.key(), "false");
        flags.put(Settings.PROCESSOR_APP_ID.key(), run);
        flags.put(Settings.SINK_GROUP_ID.key(), run + "-sink");
        if (rates != null) {
            flags.put(Settings.INGEST_POLL_INTERVAL.key(), pollInterval.toMillis() + "ms");
            flags.put(Settings.INGEST_POLL_INTERVAL_MIN.key(), pollInterval.toMillis() + "ms");
        }
        NewsmonConfig loaded = options.load(flags);
        LogFile.open(loaded);
        // One local server stands for the hosts of N outlets: the per-host limit, meant to spare one outlet's server,
        // would keep the whole poll to two feeds at a time. Every fetch slot may go to it, as to N real hosts.
        NewsmonConfig config = loaded.withKnown(Map.of(Settings.INGEST_CONCURRENCY_PER_HOST.key(),
                String.valueOf(loaded.get(Settings.INGEST_CONCURRENCY))));
        PrintStream progressOut = System.console() != null ? System.err : null;
        return rates == null ? burst(config, work, run, progressOut) : steady(config, work, progressOut);
    }

    private int steady(NewsmonConfig config, Path work, PrintStream progressOut) throws Exception {
        List<SteadyFeeds.Step> steps = new ArrayList<>();
        steps.add(new SteadyFeeds.Step(rates.get(0), warmup));
        rates.forEach(rate -> steps.add(new SteadyFeeds.Step(rate, step)));
        SteadyFeeds workload = new SteadyFeeds(feeds == null ? 200 : feeds, steps, taggedShare, copyShare, seed);
        System.err.printf(Locale.ROOT, "newsmon bench: %,d feeds, items at %s per second after %s of warm-up, %s "
                + "each; work folder %s%n", workload.feeds(), rates, warmup, step, work);
        try (Cluster cluster = Cluster.open(config);
             BenchFeedServer server = new BenchFeedServer(workload)) {
            SteadyReport report = new SteadyBench(cluster.config(), workload,
                    work.resolve("out").resolve("alerts.jsonl"), progressOut, DRAIN_TIMEOUT_STEADY,
                    targetP99.toMillis()).run(server);
            System.out.print(json ? Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report)
                    + System.lineSeparator() : report.table());
            return report.steps().stream().allMatch(SteadyReport.Step::complete) ? 0 : 1;
        }
    }

    private int burst(NewsmonConfig config, Path work, String run, PrintStream progressOut) throws Exception {
        SyntheticFeeds workload = new SyntheticFeeds(feeds == null ? 2000 : feeds, 20, 50, taggedShare, copyShare,
                seed);
        System.err.printf(Locale.ROOT, "newsmon bench: %,d feeds, %,d items, %,d tagged; work folder %s%n",
                workload.feeds(), workload.totalItems(), workload.taggedItems(), work);

        try (Cluster cluster = Cluster.open(config);
             Admin admin = Cluster.admin(cluster.config());
             BenchFeedServer server = new BenchFeedServer(workload)) {
            NewsmonConfig effective = cluster.config();
            Live live = live(effective, server, admin, workload, run, work, progressOut);
            long brokerRss = cluster.embedded().map(EmbeddedBroker::pid).map(pid -> PeakRss.kib(pid).orElse(0))
                    .orElse(0L);
            // The replays run after the pipeline has stopped, one at a time, so each has the machine to itself.
            System.err.println("newsmon bench: pipeline drained and stopped; replaying news.items through the full "
                    + "topology, then through a pass-through topology");
            ProcessCpu cpu = new ProcessCpu(cluster.embedded().stream().mapToLong(EmbeddedBroker::pid).findFirst());
            // A first pair warms up: it shares the cores with the JIT compiling what the live run left uncompiled,
            // which a processor that has run for minutes no longer does. Each counted pair runs its two replays
            // back to back, so that their ratio is of one minute of a machine whose speed drifts.
            Replay.Result fullCold = Replay.fullTopology(effective, cpu, admin, run + "-replay-0", DRAIN_TIMEOUT);
            Replay.Result passThroughCold = Replay.passThrough(effective, cpu, admin, run + "-passthrough-0",
                    DRAIN_TIMEOUT);
            List<ReplayPair> pairs = new ArrayList<>();
            for (int i = 1; i <= replayPairs; i++) {
                pairs.add(new ReplayPair(
                        Replay.fullTopology(effective, cpu, admin, run + "-replay-" + i, DRAIN_TIMEOUT),
                        Replay.passThrough(effective, cpu, admin, run + "-passthrough-" + i, DRAIN_TIMEOUT)));
            }
            ReplayPair median = ReplayPair.median(pairs);
            Replay.Result full = median.full();
            Replay.Result passThrough = median.passThrough();

            PollSummary summary = live.summary();
            double pollSeconds = seconds(live.started(), live.polled());
            BenchReport report = new BenchReport(workload.feeds(), workload.totalItems(), workload.taggedItems(),
                    Runtime.getRuntime().availableProcessors(), pollSeconds, summary.feedsOk() / pollSeconds,
                    summary.itemsProduced() / pollSeconds,
                    summary.itemsProduced() / seconds(live.started(), live.processorDone()),
                    live.alerts() / seconds(live.started(), live.lastAlert()), live.alerts(), live.duplicates(),
                    live.latencies(), full.recordsPerSecond(), passThrough.recordsPerSecond(),
                    median.ratio(), pairs.stream().map(ReplayPair::ratio).toList(), full.tailSeconds(),
                    full.cpu(), passThrough.cpu(),
                    fullCold.recordsPerSecond(), passThroughCold.recordsPerSecond(), full.internalRecordsPerItem(),
                    full.internalRecords(), live.peakRssKib(), brokerRss);
            if (summary.feedsFailed() > 0) {
                System.err.printf("newsmon bench: %d feeds failed: %s%n", summary.feedsFailed(), summary.errors());
            }
            System.out.print(json ? Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report)
                    + System.lineSeparator() : report.table());
            return summary.feedsFailed() == 0 && live.alerts() == workload.taggedItems() && live.duplicates() == 0
                    ? 0 : 1;
        }
    }

    /** What the live run measured: ingest, processor and sinks together in this JVM, as {@code run} starts them. */
    private record Live(PollSummary summary, long started, long polled, long processorDone, long alerts,
                        long lastAlert, long duplicates, Percentiles latencies, long peakRssKib) {
    }

    private static Live live(NewsmonConfig config, BenchFeedServer server, Admin admin, SyntheticFeeds workload,
                             String run, Path work, PrintStream progressOut) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        try (Pipeline pipeline = Pipeline.start(config, server.feeds(), System.out);
             AlertTailer tailer = new AlertTailer(work.resolve("out").resolve("alerts.jsonl"), (alert, written) -> {
                 long seen = firstSeen(server, alert.feedUrl());
                 if (seen > 0) {
                     latencies.add(written - seen);
                 }
             })) {
            TopicProgress items = new TopicProgress(admin, Topics.ITEMS);
            long itemsBefore = items.end();
            Sampler sampler = new Sampler(server, items, run, tailer, workload, progressOut);
            Thread sampling = new Thread(sampler, "bench-progress");
            sampling.setDaemon(true);
            sampling.start();

            long started = System.currentTimeMillis();
            PollSummary summary = pipeline.pollOnce();
            long polled = System.currentTimeMillis();
            sampler.ingestDone(itemsBefore + summary.itemsProduced());
            pipeline.awaitQuiet(DRAIN_TIMEOUT);
            sampler.stop();
            sampling.join();
            tailer.close();
            return new Live(summary, started, polled, sampler.processorDoneMillis(), tailer.lines(),
                    tailer.lastLineMillis(), tailer.duplicates(), Percentiles.of(latencies),
                    PeakRss.kib(ProcessHandle.current().pid()).orElse(0));
        }
    }

    private static long firstSeen(BenchFeedServer server, String feedUrl) {
        int feed = server.feedOf(feedUrl);
        return feed < 0 ? 0 : server.firstServedMillis(feed);
    }

    private static double seconds(long fromMillis, long toMillis) {
        return Math.max(1, toMillis - fromMillis) / 1000.0;
    }

    /** Watches each stage's count, prints it live on a terminal, and notes when the processor caught up. */
    private static final class Sampler implements Runnable {
        private final BenchFeedServer server;
        private final TopicProgress items;
        private final String applicationId;
        private final AlertTailer tailer;
        private final SyntheticFeeds workload;
        private final PrintStream out;
        private final CountDownLatch stop = new CountDownLatch(1);
        private final AtomicLong producedTotal = new AtomicLong(Long.MAX_VALUE);
        private final AtomicLong processorDone = new AtomicLong();

        Sampler(BenchFeedServer server, TopicProgress items, String applicationId, AlertTailer tailer,
                SyntheticFeeds workload, PrintStream out) {
            this.server = server;
            this.items = items;
            this.applicationId = applicationId;
            this.tailer = tailer;
            this.workload = workload;
            this.out = out;
        }

        void ingestDone(long itemsInTopic) {
            producedTotal.set(itemsInTopic);
        }

        long processorDoneMillis() {
            return processorDone.get() == 0 ? System.currentTimeMillis() : processorDone.get();
        }

        void stop() {
            stop.countDown();
        }

        @Override
        public void run() {
            try {
                do {
                    long produced = items.end();
                    long processed = items.committed(applicationId);
                    if (processed >= producedTotal.get()) {
                        processorDone.compareAndSet(0, System.currentTimeMillis());
                    }
                    if (out != null) {
                        out.printf(Locale.ROOT, "\rfeeds polled %,d/%,d | items produced %,d/%,d | processed %,d "
                                        + "| alerts written %,d/%,d   ", server.served(), workload.feeds(), produced,
                                workload.totalItems(), processed, tailer.lines(), workload.taggedItems());
                    }
                } while (!stop.await(SAMPLE_MILLIS, TimeUnit.MILLISECONDS));
                if (out != null) {
                    out.println();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.error("progress sampling stopped: {}", e.getCause().toString());
            }
        }
    }
}
