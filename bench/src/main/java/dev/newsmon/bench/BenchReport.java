package dev.newsmon.bench;

import dev.newsmon.bench.measure.Percentiles;
import dev.newsmon.bench.measure.ProcessCpu;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The figures of one bench run. Rates are per second of wall-clock time from the start of the poll to the moment
 * the stage had handled its last record, so a later stage's rate includes the waiting on the stages before it.
 *
 * @param fullTopologyRecordsPerSecond the processor's topology replaying every item alone on the broker, in the
 *                                     counted pair of replays whose ratio is the median
 * @param passThroughRecordsPerSecond  a read-deserialize-write topology, same configuration, same items, alone, right
 *                                     after it
 * @param fullToPassThrough            the first divided by the second
 * @param fullToPassThroughPairs       the same ratio in every counted pair, in the order they ran
 * @param fullTopologyTailSeconds      of the full replay's time (the median pair's), the seconds after it had read the
 *                                     last item: the last items' band, resolve and alert round trips
 * @param fullTopologyCpu              CPU-seconds the full replay took, in this JVM and in the broker's
 * @param passThroughCpu               the same for the pass-through replay
 * @param fullTopologyFirstRecordsPerSecond the full topology's first replay, which runs while the JIT still compiles
 *                                          the code that the rates above run compiled
 * @param passThroughFirstRecordsPerSecond  the same for the pass-through
 * @param fullTopologyInternalRecordsPerItem records the full replay wrote to its internal topics (band probes,
 *                                           resolve messages, store changelogs) per item it read
 * @param fullTopologyInternalRecords  those records by topic, named without the replay's application id
 * @param latencyMillis                first appearance of an item in a feed response to its line in alerts.jsonl
 * @param benchPeakRssKib              this JVM: ingest, processor, sink, and the bench's feed server and tailer
 * @param brokerPeakRssKib             the embedded broker's JVM; 0 with --bootstrap-servers
 */
public record BenchReport(int feeds, long items, long taggedItems, int cores,
                          double pollSeconds, double feedsPolledPerSecond, double itemsProducedPerSecond,
                          double itemsProcessedPerSecond, double alertsWrittenPerSecond, long alerts,
                          long duplicateAlerts, Percentiles latencyMillis,
                          double fullTopologyRecordsPerSecond, double passThroughRecordsPerSecond,
                          double fullToPassThrough, List<Double> fullToPassThroughPairs,
                          double fullTopologyTailSeconds,
                          ProcessCpu.Used fullTopologyCpu,
                          ProcessCpu.Used passThroughCpu, double fullTopologyFirstRecordsPerSecond,
                          double passThroughFirstRecordsPerSecond, double fullTopologyInternalRecordsPerItem,
                          Map<String, Long> fullTopologyInternalRecords,
                          long benchPeakRssKib, long brokerPeakRssKib) {

    public String table() {
        StringBuilder t = new StringBuilder();
        row(t, "workload", String.format(Locale.ROOT, "%,d feeds, %,d items, %,d tagged (%d cores)", feeds, items,
                taggedItems, cores));
        row(t, "feeds polled/s", rate(feedsPolledPerSecond) + String.format(Locale.ROOT, "  (one poll of all feeds: "
                + "%.1f s)", pollSeconds));
        row(t, "items produced/s", rate(itemsProducedPerSecond));
        row(t, "items processed/s", rate(itemsProcessedPerSecond));
        row(t, "alerts written/s", rate(alertsWrittenPerSecond) + String.format(Locale.ROOT,
                "  (%,d alerts, %d duplicates)", alerts, duplicateAlerts));
        row(t, "latency p50/p95/p99", String.format(Locale.ROOT, "%,d / %,d / %,d ms  (max %,d ms, %,d alerts)",
                latencyMillis.p50(), latencyMillis.p95(), latencyMillis.p99(), latencyMillis.max(),
                latencyMillis.count()));
        row(t, "replay, full/s", rate(fullTopologyRecordsPerSecond) + String.format(Locale.ROOT, "  (the "
                + "processor's topology alone, %.1f s of it after the last item was read; first replay %s)",
                fullTopologyTailSeconds, rate(fullTopologyFirstRecordsPerSecond)));
        row(t, "replay, pass-through/s", rate(passThroughRecordsPerSecond) + String.format(Locale.ROOT,
                "  (full topology at %.0f%% of it; first replay %s)", fullToPassThrough * 100,
                rate(passThroughFirstRecordsPerSecond)));
        row(t, "full / pass-through", String.format(Locale.ROOT, "%.2f, the median of %d pairs (%.2f to %.2f)",
                fullToPassThrough, fullToPassThroughPairs.size(), Collections.min(fullToPassThroughPairs),
                Collections.max(fullToPassThroughPairs)));
        row(t, "replay CPU, full", cpu(fullTopologyCpu) + String.format(Locale.ROOT,
                "; %.2f internal records an item", fullTopologyInternalRecordsPerItem));
        row(t, "replay CPU, pass-through", cpu(passThroughCpu));
        row(t, "internal records, most", fullTopologyInternalRecords.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(3)
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), (double) e.getValue() / items))
                .collect(Collectors.joining(", ")) + "  (an item)");
        row(t, "peak RSS, services", mib(benchPeakRssKib) + "  (with the bench's feed server and tailer)");
        row(t, "peak RSS, broker", brokerPeakRssKib == 0 ? "n/a (external cluster)" : mib(brokerPeakRssKib));
        return t.toString();
    }

    private static void row(StringBuilder t, String name, String value) {
        t.append(String.format(Locale.ROOT, "%-24s %s%n", name, value));
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    private String cpu(ProcessCpu.Used used) {
        return String.format(Locale.ROOT, "%.1f s services + %.1f s broker  (%.0f µs an item)", used.ownSeconds(),
                used.brokerSeconds(), (used.ownSeconds() + used.brokerSeconds()) * 1e6 / items);
    }

    private static String mib(long kib) {
        return String.format(Locale.ROOT, "%,d MiB", kib / 1024);
    }
}
