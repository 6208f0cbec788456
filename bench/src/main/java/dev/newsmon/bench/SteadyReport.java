package dev.newsmon.bench;

import dev.newsmon.bench.measure.Percentiles;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of a {@code bench --rate} run: per step, how long a tagged item took from the feed response that
 * first carried it to its line in alerts.jsonl (newsmon's latency), and apart from that how long it waited to be
 * polled after it appeared (the poll interval's share, a politeness policy).
 *
 * @param maxRateWithinTarget the highest step rate whose every tagged item was alerted with p99 at most
 *                            {@code targetP99Millis}; null when no step met it
 * @param kafkaSettings       the {@code kafka.*} settings of the run, which apply to every client
 */
public record SteadyReport(int feeds, int cores, long pollIntervalMillis, long targetP99Millis,
                           List<Step> steps, Integer maxRateWithinTarget, long duplicateAlerts,
                           Map<String, String> kafkaSettings) {

    /**
     * @param latencyMillis   first feed response carrying the item to its alert line
     * @param pollDelayMillis the item's appearance in its feed to the first response carrying it
     * @param unpolledItems   tagged items of the step that left their feed (it shows its latest items only) before
     *                        any poll fetched them: the polls did not keep up with the rate
     * @param missingAlerts   tagged items of the step that a poll fetched and that had no alert when the run ended
     */
    public record Step(int itemsPerSecond, long seconds, long items, long taggedItems, long alerts,
                       long unpolledItems, long missingAlerts, Percentiles latencyMillis,
                       Percentiles pollDelayMillis) {
        boolean meets(long targetP99Millis) {
            return complete() && alerts > 0 && latencyMillis.p99() <= targetP99Millis;
        }

        /** Every tagged item of the step was fetched and alerted. */
        boolean complete() {
            return unpolledItems == 0 && missingAlerts == 0;
        }
    }

    public String table() {
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT,
                "%,d feeds polled every %,d ms, %d cores; latency = first feed response carrying an item -> its "
                        + "alert line%n", feeds, pollIntervalMillis, cores));
        t.append(String.format(Locale.ROOT, "%-10s %8s %8s %8s %8s  %-28s %-22s%n", "items/s", "items", "alerts",
                "unpolled", "missing", "latency p50/p99/max ms", "poll delay p50/p99 ms"));
        for (Step s : steps) {
            t.append(String.format(Locale.ROOT, "%-10s %,8d %,8d %,8d %,8d  %-28s %-22s%n", s.itemsPerSecond(),
                    s.items(), s.alerts(), s.unpolledItems(), s.missingAlerts(),
                    String.format(Locale.ROOT, "%,d / %,d / %,d",
                            s.latencyMillis().p50(), s.latencyMillis().p99(), s.latencyMillis().max()),
                    String.format(Locale.ROOT, "%,d / %,d", s.pollDelayMillis().p50(), s.pollDelayMillis().p99())));
        }
        t.append(String.format(Locale.ROOT, "highest rate with p99 <= %,d ms: %s; duplicate alerts: %d%n",
                targetP99Millis, maxRateWithinTarget == null ? "none of the steps" : maxRateWithinTarget + " items/s",
                duplicateAlerts));
        return t.toString();
    }
}
