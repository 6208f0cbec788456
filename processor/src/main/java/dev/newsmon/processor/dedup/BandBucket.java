package dev.newsmon.processor.dedup;

import java.util.ArrayList;
import java.util.List;

/**
 * The entries of one band key in one slice of time, oldest first, at most {@link BandMatcher#MAX_CANDIDATES}: a
 * bucket is read and written whole, with one point lookup, so its size must not grow with the window.
 */
public record BandBucket(List<BandEntry> entries) {
    public static final BandBucket EMPTY = new BandBucket(List.of());

    public BandBucket {
        entries = List.copyOf(entries);
    }

    /** This bucket with {@code entry} appended, dropping the oldest entries beyond {@code max}. */
    public BandBucket plus(BandEntry entry, int max) {
        List<BandEntry> all = new ArrayList<>(entries);
        all.add(entry);
        return new BandBucket(all.subList(Math.max(0, all.size() - max), all.size()));
    }
}
