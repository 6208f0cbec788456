package dev.newsmon.processor.dedup;

import dev.newsmon.common.model.FeedItem;
import dev.newsmon.processor.ProcessorNames;
import dev.newsmon.processor.StateStores;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Set;

/**
 * Drops items whose id was already processed within the dedup window, so that ingest re-producing items (after a
 * restart, or a feed re-listing old entries) never yields a second alert.
 *
 * <p>Same id means drop, even when the content changed: an edited article is not a new story, and alerting on
 * edits would need a notion of "significant change" that newsmon does not have. The content hash is kept so the
 * log says whether a dropped re-delivery was an edit.
 */
public final class SeenFilter implements FixedKeyProcessor<String, FeedItem, FeedItem> {
    private static final Logger LOG = LoggerFactory.getLogger(SeenFilter.class);

    private final long windowMs;
    private FixedKeyProcessorContext<String, FeedItem> context;
    private WindowStore<String, String> seen;

    private SeenFilter(Duration window) {
        this.windowMs = window.toMillis();
    }

    public static FixedKeyProcessorSupplier<String, FeedItem, FeedItem> supplier(Duration window, StateStores stores) {
        return new FixedKeyProcessorSupplier<>() {
            @Override
            public FixedKeyProcessor<String, FeedItem, FeedItem> get() {
                return new SeenFilter(window);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(stores.window(ProcessorNames.SEEN_STORE, window, false, Serdes.String()));
            }
        };
    }

    @Override
    public void init(FixedKeyProcessorContext<String, FeedItem> context) {
        this.context = context;
        this.seen = context.getStateStore(ProcessorNames.SEEN_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, FeedItem> record) {
        FeedItem item = record.value();
        String hash = Hash64.hex(Hash64.of(item.title() + "\n" + item.text()));
        long ts = record.timestamp();
        String previous = null;
        try (WindowStoreIterator<String> it = seen.fetch(item.itemId(), Math.max(0, ts - windowMs), ts + windowMs)) {
            if (it.hasNext()) {
                previous = it.next().value;
            }
        }
        if (previous != null) {
            LOG.debug("dropping re-delivered item item_id={} content_changed={}", item.itemId(),
                    !previous.equals(hash));
            return;
        }
        seen.put(item.itemId(), hash, ts);
        context.forward(record);
    }
}
