package dev.newsmon.processor.dedup;

import dev.newsmon.common.model.FeedItem;
import dev.newsmon.processor.ProcessorNames;
import dev.newsmon.processor.StateStores;
import dev.newsmon.processor.TaggedItem;
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
 * Lets each item id into dedup once within the dedup window, so that ingest re-producing items (after a restart,
 * or a feed re-listing old entries) never yields a second alert. It runs after tagging and sees only tagged items:
 * an item that matched no rule is not remembered, so its revision (ingest produces an edited entry again with the
 * next revision) is tagged afresh and enters dedup if it matches now, as when a short first version gains the
 * paragraph that names the station.
 *
 * <p>Once an id has entered, the same id means drop, even when the content changed: an edited article is not a new
 * story, and alerting on edits would need a notion of "significant change" that newsmon does not have. The content
 * hash is kept so the log says whether a dropped re-delivery was an edit.
 */
public final class RedeliveryFilter implements FixedKeyProcessor<String, TaggedItem, TaggedItem> {
    private static final Logger LOG = LoggerFactory.getLogger(RedeliveryFilter.class);

    private final long windowMs;
    private FixedKeyProcessorContext<String, TaggedItem> context;
    private WindowStore<String, String> entered;

    private RedeliveryFilter(Duration window) {
        this.windowMs = window.toMillis();
    }

    public static FixedKeyProcessorSupplier<String, TaggedItem, TaggedItem> supplier(Duration window,
                                                                                    StateStores stores) {
        return new FixedKeyProcessorSupplier<>() {
            @Override
            public FixedKeyProcessor<String, TaggedItem, TaggedItem> get() {
                return new RedeliveryFilter(window);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(stores.window(ProcessorNames.SEEN_STORE, window, false, Serdes.String()));
            }
        };
    }

    @Override
    public void init(FixedKeyProcessorContext<String, TaggedItem> context) {
        this.context = context;
        this.entered = context.getStateStore(ProcessorNames.SEEN_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, TaggedItem> record) {
        FeedItem item = record.value().item();
        String hash = Hash64.hex(Hash64.of(item.title() + "\n" + item.text()));
        long ts = record.timestamp();
        String previous = null;
        try (WindowStoreIterator<String> it = entered.fetch(item.itemId(), Math.max(0, ts - windowMs), ts + windowMs)) {
            if (it.hasNext()) {
                previous = it.next().value;
            }
        }
        if (previous != null) {
            LOG.debug("dropping re-delivered item item_id={} revision={} content_changed={}", item.itemId(),
                    item.revision(), !previous.equals(hash));
            return;
        }
        entered.put(item.itemId(), hash, ts);
        context.forward(record);
    }
}
