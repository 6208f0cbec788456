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
 * Owns a share of the band buckets. For each probe it lists the items already in the probe's bucket (the most
 * recent {@link #MAX_CANDIDATES}), stores the item there, and answers the item's resolver with what it found. Only
 * one bucket is read per probe, and at most a fixed number of its entries, so the cost per item does not grow with
 * the number of items in the window. The exact comparison is not made here: the bucket keeps no text.
 */
public final class BandMatcher implements Processor<String, BandProbe, String, ResolveMessage> {
    /**
     * Entries read per bucket. A bucket holds more only for a band shared by many unrelated items (a stock
     * headline such as "Morning briefing"); copies of one story are found in their other bands as well.
     */
    public static final int MAX_CANDIDATES = 32;

    private final long windowMs;
    private ProcessorContext<String, ResolveMessage> context;
    private WindowStore<String, BandEntry> buckets;

    private BandMatcher(Duration window) {
        this.windowMs = window.toMillis();
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
                     buckets.backwardFetch(probe.bandKey(), Math.max(0, ts - windowMs), ts + windowMs)) {
            while (it.hasNext() && candidates.size() < MAX_CANDIDATES) {
                BandEntry entry = it.next().value;
                String id = entry.order().itemId();
                if (!id.equals(self) && met.add(id)) {
                    candidates.add(new Candidate(entry.order(), entry.shared(probe.bandKeys())));
                }
            }
        }
        buckets.put(probe.bandKey(), probe.entry(), ts);
        BandAnswer answer = new BandAnswer(probe.order(), probe.bandKey(), Fingerprint.bandIndex(probe.bandKey()),
                probe.bandKeys().size(), candidates, probe.tagged(), probe.shingles());
        context.forward(record.withKey(answer.routingKey()).withValue(answer));
    }
}
