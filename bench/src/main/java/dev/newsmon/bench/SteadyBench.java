package dev.newsmon.bench;

import dev.newsmon.app.pipeline.Pipeline;
import dev.newsmon.bench.measure.AlertTailer;
import dev.newsmon.bench.measure.Percentiles;
import dev.newsmon.bench.workload.BenchFeedServer;
import dev.newsmon.bench.workload.SteadyFeeds;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench --rate}: news keeps arriving in the feeds at each step's rate while the whole pipeline runs as
 * {@code run} runs it, polling every feed on a short interval. The first step warms the JVMs and the broker up and is
 * left out of the figures.
 */
final class SteadyBench {
    private static final long PROGRESS_MILLIS = 1000;

    private final NewsmonConfig config;
    private final SteadyFeeds workload;
    private final Path alerts;
    private final PrintStream progress;
    private final Duration drainTimeout;
    private final long targetP99Millis;
    private final ConcurrentHashMap<Integer, Long> written = new ConcurrentHashMap<>();

    SteadyBench(NewsmonConfig config, SteadyFeeds workload, Path alerts, PrintStream progress, Duration drainTimeout,
                long targetP99Millis) {
        this.config = config;
        this.workload = workload;
        this.alerts = alerts;
        this.progress = progress;
        this.drainTimeout = drainTimeout;
        this.targetP99Millis = targetP99Millis;
    }

    SteadyReport run(BenchFeedServer server) throws Exception {
        long duplicates;
        try (Pipeline pipeline = Pipeline.start(config, server.feeds(), System.out);
             AlertTailer tailer = new AlertTailer(alerts, (alert, at) -> {
                 OptionalInt n = SteadyFeeds.itemOf(alert.url());
                 n.ifPresent(i -> written.put(i, at));
             })) {
            Thread ingest = new Thread(pipeline::runIngest, "bench-ingest");
            workload.start(System.currentTimeMillis());
            ingest.start();
            long deadline = workload.endMillis() + drainTimeout.toMillis();
            while (System.currentTimeMillis() < deadline && !settled()) {
                TimeUnit.MILLISECONDS.sleep(PROGRESS_MILLIS);
                if (progress != null) {
                    progress.printf(Locale.ROOT, "\ritems appeared %,d/%,d | tagged %,d | alerted %,d   ",
                            workload.made(), workload.totalItems(), workload.taggedMade(), written.size());
                }
            }
            if (progress != null) {
                progress.println();
            }
            duplicates = tailer.duplicates();
        }
        return report(duplicates);
    }

    /** Every item has been served as far as it ever will be, and every tagged one that was has its alert. */
    private boolean settled() {
        return workload.sentToTheEnd(System.currentTimeMillis()) && written.size() >= workload.taggedSent();
    }

    private SteadyReport report(long duplicates) {
        List<SteadyReport.Step> figures = steps(workload, written);
        Integer best = null;
        for (SteadyReport.Step step : figures) {
            if (step.meets(targetP99Millis) && (best == null || step.itemsPerSecond() > best)) {
                best = step.itemsPerSecond();
            }
        }
        return new SteadyReport(workload.feeds(), Runtime.getRuntime().availableProcessors(),
                config.get(Settings.INGEST_POLL_INTERVAL).toMillis(), targetP99Millis, figures, best, duplicates,
                config.kafka());
    }

    /**
     * Each step's figures but the first (it warmed up). A tagged item no feed response carried scrolled out of its
     * feed before a poll reached it, which is told apart from one a poll fetched and newsmon did not alert.
     */
    static List<SteadyReport.Step> steps(SteadyFeeds workload, Map<Integer, Long> alertWritten) {
        List<SteadyFeeds.Step> steps = workload.steps();
        List<List<Long>> latency = new ArrayList<>();
        List<List<Long>> pollDelay = new ArrayList<>();
        long[] items = new long[steps.size()];
        long[] tagged = new long[steps.size()];
        long[] unpolled = new long[steps.size()];
        long[] missing = new long[steps.size()];
        for (int s = 0; s < steps.size(); s++) {
            latency.add(new ArrayList<>());
            pollDelay.add(new ArrayList<>());
        }
        for (int n = 0; n < workload.made(); n++) {
            int step = workload.stepOf(n);
            items[step]++;
            if (!workload.tagged(n)) {
                continue;
            }
            tagged[step]++;
            long sent = workload.firstSentMillis(n);
            Long at = alertWritten.get(n);
            if (sent == 0) {
                unpolled[step]++;
            } else if (at == null) {
                missing[step]++;
            } else {
                latency.get(step).add(at - sent);
                pollDelay.get(step).add(sent - workload.appearedMillis(n));
            }
        }
        List<SteadyReport.Step> figures = new ArrayList<>();
        for (int s = 1; s < steps.size(); s++) {
            figures.add(new SteadyReport.Step(steps.get(s).itemsPerSecond(), steps.get(s).length().toSeconds(),
                    items[s], tagged[s], latency.get(s).size(), unpolled[s], missing[s],
                    Percentiles.of(latency.get(s)), Percentiles.of(pollDelay.get(s))));
        }
        return figures;
    }
}
