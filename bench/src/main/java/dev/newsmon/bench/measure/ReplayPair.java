package dev.newsmon.bench.measure;

import java.util.Comparator;
import java.util.List;

/**
 * A full replay and the pass-through replay right after it: their ratio is the cost of newsmon's topology over the
 * engine's floor, taken over the same minute of a machine whose speed drifts by a third within the hour.
 */
public record ReplayPair(Replay.Result full, Replay.Result passThrough) {
    public double ratio() {
        return full.recordsPerSecond() / passThrough.recordsPerSecond();
    }

    /** The pair of the median ratio; of an even number of pairs, the lower of the middle two. */
    public static ReplayPair median(List<ReplayPair> pairs) {
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("no replay pair");
        }
        List<ReplayPair> sorted = pairs.stream().sorted(Comparator.comparingDouble(ReplayPair::ratio)).toList();
        return sorted.get((sorted.size() - 1) / 2);
    }
}
