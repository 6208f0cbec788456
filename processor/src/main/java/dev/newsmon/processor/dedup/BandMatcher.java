package dev.newsmon.processor.dedup;

import dev.newsmon.common.json.JsonSerde;
import dev.newsmon.processor.ProcessorNames;
import dev.newsmon.processor.StateStores;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Owns a share of the band buckets. For each probe it compares the item with the items already in the probe's
 * bucket (exact shingle containment), stores the item there, and answers the item's resolver with what it found.
 * Only one bucket is read per probe, so the cost does not grow with the number of items in the window.
 */
public final class BandMatcher implements Processor<String, BandProbe, String, ResolveMessage> {
    private final long windowMs;
    private final double threshold;
    private ProcessorContext<String, ResolveMessage> context;
    private WindowStore<String, BandEntry> buckets;

    private BandMatcher(Duration window, double threshold) {
        this.windowMs = window.toMillis();
        this.threshold = threshold;
    }

    public static ProcessorSupplier<String, BandProbe, String, ResolveMessage> supplier(Duration window,
                                                                                        double threshold,
                                                                                        StateStores stores) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, BandProbe, String, ResolveMessage> get() {
                return new BandMatcher(window, threshold);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(stores.window(ProcessorNames.BAND_STORE, window, true, JsonSerde.of(BandEntry.class)));
            }
        };
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
        String self = probe.order().itemId();
        List<Candidate> candidates = new ArrayList<>();
        Set<String> met = new HashSet<>();
        try (WindowStoreIterator<BandEntry> it =
                     buckets.fetch(probe.bandKey(), Math.max(0, ts - windowMs), ts + windowMs)) {
            while (it.hasNext()) {
                BandEntry entry = it.next().value;
                String id = entry.order().itemId();
                if (id.equals(self) || !met.add(id)) {
                    continue;
                }
                double similarity = probe.shingles().containment(entry.shingles());
                if (similarity >= threshold) {
                    candidates.add(new Candidate(entry.order(), similarity, shared(probe.bandKeys(), entry.bandKeys())));
                }
            }
        }
        buckets.put(probe.bandKey(), probe.entry(), ts);
        BandAnswer answer = new BandAnswer(probe.order(), probe.bandKey(), Fingerprint.bandIndex(probe.bandKey()),
                probe.bandKeys().size(), candidates, probe.tagged());
        context.forward(record.withKey(answer.routingKey()).withValue(answer));
    }

    private static List<String> shared(List<String> a, List<String> b) {
        Set<String> other = Set.copyOf(b);
        return a.stream().filter(other::contains).toList();
    }
}
