package dev.newsmon.bench.measure;

import java.util.List;

/** Latency percentiles, nearest-rank. */
public record Percentiles(long count, long p50, long p95, long p99, long max) {
    public static Percentiles of(List<Long> values) {
        if (values.isEmpty()) {
            return new Percentiles(0, 0, 0, 0, 0);
        }
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Percentiles(sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99),
                sorted[sorted.length - 1]);
    }

    private static long rank(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }
}
