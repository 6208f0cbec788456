package dev.newsmon.processor.subscribe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsmon.common.SubscriberNames;
import dev.newsmon.common.model.FeedItem;
import io.micrometer.core.instrument.Counter;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.kstream.Windowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Set;

/**
 * The text of recent items, for the subscriptions' queries: alerts carry an item's title but not its text. Items
 * of news.items are kept by item id for {@code subscribers.text.window}; an alert, keyed by its item id too, looks
 * its item up. Both run in the task of the item's partition, and an item is written before its alert exists.
 */
final class ItemTexts {
    private static final Logger LOG = LoggerFactory.getLogger(ItemTexts.class);

    private final Duration window;
    private final StoreBuilder<WindowStore<String, ItemText>> store;
    private final Counter missing;

    /** @param missing counts the alerts whose item was no longer (or not yet) known */
    ItemTexts(Duration window, StoreBuilder<WindowStore<String, ItemText>> store, Counter missing) {
        this.window = window;
        this.store = store;
        this.missing = missing;
    }

    /** Keeps each item's text; forwards nothing. */
    ProcessorSupplier<String, FeedItem, Void, Void> recorder() {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, FeedItem, Void, Void> get() {
                return new Recorder();
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(store);
            }
        };
    }

    /** Joins each alert (keyed by item id) with its item's text. */
    FixedKeyProcessorSupplier<String, ObjectNode, MatchInput> lookup() {
        return Lookup::new;
    }

    private final class Recorder implements Processor<String, FeedItem, Void, Void> {
        private WindowStore<String, ItemText> texts;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            texts = context.getStateStore(SubscriberNames.ITEM_TEXT_STORE);
        }

        @Override
        public void process(Record<String, FeedItem> record) {
            if (record.key() != null && record.value() != null) {
                texts.put(record.key(), new ItemText(record.value().title(), record.value().text()),
                        record.timestamp());
            }
        }
    }

    private final class Lookup implements FixedKeyProcessor<String, ObjectNode, MatchInput> {
        private FixedKeyProcessorContext<String, MatchInput> context;
        private WindowStore<String, ItemText> texts;

        @Override
        public void init(FixedKeyProcessorContext<String, MatchInput> context) {
            this.context = context;
            texts = context.getStateStore(SubscriberNames.ITEM_TEXT_STORE);
        }

        @Override
        public void process(FixedKeyRecord<String, ObjectNode> record) {
            String text = null;
            long from = record.timestamp() - window.toMillis();
            // The latest version of the item: an update replaces its text.
            try (KeyValueIterator<Windowed<String>, ItemText> found =
                         texts.backwardFetch(record.key(), record.key(), from, Long.MAX_VALUE)) {
                if (found.hasNext()) {
                    text = found.next().value.text();
                }
            }
            if (text == null) {
                missing.increment();
                LOG.debug("no text for item_id={}: its alert is matched on its title alone", record.key());
            }
            context.forward(record.withValue(new MatchInput(record.value(), text)));
        }
    }
}
