package dev.newsmon.processor.dedup;

import dev.newsmon.processor.ProcessorNames;
import dev.newsmon.processor.StateStores;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.WindowStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Owns a share of the band buckets. For each probe, and in it for each of the item's bands that this task owns, it
 * lists the items already in the band's bucket (the most recent {@link #MAX_CANDIDATES}) and stores the item there;
 * then it answers the item's resolver once with what all of the probe's buckets held. The exact comparison is not
 * made here: the bucket keeps no text.
 *
 * <p>A band's entries are kept per slice of one window, as one value per (band key, slice start) in a window
 * store, so a probe reads its bucket with three point lookups (the slices that overlap the window before and after
 * its record time), never a range scan: point lookups are served by RocksDB's bloom filters, so the cost per item
 * does not grow with the number of items in the window, where a range scan's seek touches every file. A slice
 * holds at most {@link #MAX_CANDIDATES} entries; whole slices expire with the store's segments, at most one slice
 * after the window. Slices of a whole window keep entries on disk up to two windows; half-window slices kept them
 * 1.5 windows but cost five lookups per probe, and lookups of absent keys were most of the dedup stage's time.
 */
public final class BandMatcher implements Processor<String, BandProbe, String, ResolveMessage> {
    /**
     * Entries read per bucket. A bucket holds more only for a band shared by many unrelated items (a stock
     * headline such as "Morning briefing"); copies of one story are found in their other bands as well.
     */
    public static final int MAX_CANDIDATES = 32;

    private final long windowMs;
    private final long sliceMs;
    private ProcessorContext<String, ResolveMessage> context;
    private WindowStore<String, BandBucket> buckets;

    private BandMatcher(Duration window) {
        this.windowMs = window.toMillis();
        this.sliceMs = slice(window).toMillis();
    }

    public static ProcessorSupplier<String, BandProbe, String, ResolveMessage> supplier(Duration window,
                                                                                        StateStores stores) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, BandProbe, String, ResolveMessage> get() {
                return new BandMatcher(window);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                // A slice is stored at its start, up to one slice before the entries it holds.
                return Set.of(stores.window(ProcessorNames.BAND_STORE, window.plus(slice(window)), false,
                        new BandBucketSerde()));
            }
        };
    }

    static Duration slice(Duration window) {
        return window;
    }

    @Override
    public void init(ProcessorContext<String, ResolveMessage> context) {
        this.context = context;
        this.buckets = context.getStateStore(ProcessorNames.BAND_STORE);
    }

    @Override
    public void process(Record<String, BandProbe> record) {
        BandProbe probe = record.value();
        long ts = record.timestamp();
        BandEntry entry = probe.entry(ts);
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        Map<String, Bands> foundIn = new HashMap<>();
        ProbeKeys keys = ProbeKeys.of(probe.bandKeys());
        for (String bandKey : probe.keys()) {
            Bands band = Bands.of(Fingerprint.bandIndex(bandKey));
            for (BandEntry earlier : match(bandKey, entry, ts)) {
                String id = earlier.order().itemId();
                candidates.computeIfAbsent(id, k -> new Candidate(earlier.order(), earlier.timestamp(),
                        earlier.shared(keys)));
                foundIn.merge(id, band, Bands::union);
            }
        }
        List<Found> found = candidates.values().stream()
                .map(c -> new Found(c, foundIn.get(c.itemId())))
                .toList();
        BandAnswer answer = new BandAnswer(probe.order(), probe.bands(), probe.bandKeys().size(), found,
                probe.tagged(), probe.shingles());
        context.forward(record.withKey(answer.routingKey()).withValue(answer));
    }

    /**
     * The entries of the bucket of {@code bandKey} within the window around {@code ts}, the most recent
     * {@link #MAX_CANDIDATES} of them, other than the item's own; then stores the item's {@code entry} there.
     */
    private List<BandEntry> match(String bandKey, BandEntry entry, long ts) {
        long from = Math.max(0, ts - windowMs);
        long to = ts + windowMs;
        String self = entry.order().itemId();
        List<BandEntry> earlier = new ArrayList<>();
        Set<String> met = new HashSet<>();
        BandBucket own = null;
        // Newest slice first, newest entry first: the most recent entries are the candidates.
        for (long start = sliceStart(to); start >= sliceStart(from); start -= sliceMs) {
            BandBucket bucket = buckets.fetch(bandKey, start);
            if (start == sliceStart(ts)) {
                own = bucket;
            }
            List<BandEntry> entries = bucket == null ? List.of() : bucket.entries();
            for (int i = entries.size() - 1; i >= 0 && earlier.size() < MAX_CANDIDATES; i--) {
                BandEntry e = entries.get(i);
                String id = e.order().itemId();
                if (e.timestamp() >= from && e.timestamp() <= to && !id.equals(self) && met.add(id)) {
                    earlier.add(e);
                }
            }
        }
        store(buckets, bandKey, own, entry, ts, sliceMs);
        return earlier;
    }

    /**
     * Appends {@code entry} (of record time {@code ts}) to the bucket of {@code bandKey} in its slice, whose current
     * content is {@code current} (null if none).
     */
    static void store(WindowStore<String, BandBucket> buckets, String bandKey, BandBucket current, BandEntry entry,
                      long ts, long sliceMs) {
        buckets.put(bandKey, (current == null ? BandBucket.EMPTY : current).plus(entry, MAX_CANDIDATES),
                sliceStart(ts, sliceMs));
    }

    static long sliceStart(long timestamp, long sliceMs) {
        return timestamp - Math.floorMod(timestamp, sliceMs);
    }

    private long sliceStart(long timestamp) {
        return sliceStart(timestamp, sliceMs);
    }
}
