package dev.newsmon.bench;

import dev.newsmon.bench.measure.Percentiles;

import java.util.Locale;

/**
 * The figures of one bench run. Rates are per second of wall-clock time from the start of the poll to the moment
 * the stage had handled its last record, so a later stage's rate includes the waiting on the stages before it.
 *
 * @param fullTopologyRecordsPerSecond the processor's topology replaying every item alone on the broker
 * @param passThroughRecordsPerSecond  a read-deserialize-write topology, same configuration, same items, alone
 * @param fullToPassThrough            the first divided by the second
 * @param latencyMillis                first appearance of an item in a feed response to its line in alerts.jsonl
 * @param benchPeakRssKib              this JVM: ingest, processor, sink, and the bench's feed server and tailer
 * @param brokerPeakRssKib             the embedded broker's JVM; 0 with --bootstrap-servers
 */
public record BenchReport(int feeds, long items, long taggedItems, int cores,
                          double pollSeconds, double feedsPolledPerSecond, double itemsProducedPerSecond,
                          double itemsProcessedPerSecond, double alertsWrittenPerSecond, long alerts,
                          long duplicateAlerts, Percentiles latencyMillis,
                          double fullTopologyRecordsPerSecond, double passThroughRecordsPerSecond,
                          double fullToPassThrough,
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
        row(t, "replay, full/s", rate(fullTopologyRecordsPerSecond) + "  (the processor's topology alone)");
        row(t, "replay, pass-through/s", rate(passThroughRecordsPerSecond) + String.format(Locale.ROOT,
                "  (full topology at %.0f%% of it)", fullToPassThrough * 100));
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

    private static String mib(long kib) {
        return String.format(Locale.ROOT, "%,d MiB", kib / 1024);
    }
}
