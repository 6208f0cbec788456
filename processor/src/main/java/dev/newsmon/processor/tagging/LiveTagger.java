package dev.newsmon.processor.tagging;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.newsmon.common.Topics;
import dev.newsmon.common.json.Json;
import dev.newsmon.common.model.FeedItem;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;

/**
 * Tagging with live rules. The rules published to {@code news.rules} are kept in a global store, so every task
 * of every instance sees the latest; when they are absent (or deleted) the fallback tagger, built from
 * {@code processor.rules.file}, tags instead.
 *
 * <p>A {@link RuleTagger} is built once per rules version and shared by all stream threads. The global thread
 * builds it as soon as the record arrives; a stream thread that reads a newer record from the store first (after
 * a restart, when the store is restored without passing through the updater) builds it itself. A tagger holds no
 * resources, so the one replaced is simply dropped. Rules that fail to load are logged, counted and ignored: the
 * current rules stay. A changed file must carry a new version (or none, so that the version is
 * derived from its content): a record with the version already in use is not rebuilt.
 */
public final class LiveTagger {
    private static final Logger LOG = LoggerFactory.getLogger(LiveTagger.class);
    /** The global store of {@code news.rules}. */
    public static final String STORE = "tagging-rules";

    private final Tagger fallback;
    private final Object lock = new Object();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder built = new LongAdder();
    /** The live rules; null while the fallback tags. */
    private volatile RuleTagger current;
    /** The last record applied or rejected, so that each record is looked at once. */
    private volatile String lastExamined;

    public LiveTagger(Tagger fallback) {
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    /** Adds the global store of {@code news.rules} to a topology, with an updater that applies each record. */
    public void addGlobalStore(StreamsBuilder builder) {
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORE), Serdes.String(), Serdes.String())
                        .withLoggingDisabled(),
                Topics.RULES,
                Consumed.with(Serdes.String(), Serdes.String()).withName("rules"),
                StoreUpdater::new);
    }

    /** The tagging step: tags each item with the current rules and combines item and result into the value. */
    public <V> FixedKeyProcessorSupplier<String, FeedItem, V> step(BiFunction<FeedItem, TagResult, V> combine) {
        return () -> new Step<>(combine);
    }

    /** The version of the live rules in use, or empty while the fallback tags. */
    public Optional<String> liveVersion() {
        RuleTagger live = current;
        return live == null ? Optional.empty() : Optional.of(live.rules().version());
    }

    /** Records of {@code news.rules} that could not be used since start; each one is also logged. */
    public long rejected() {
        return rejected.sum();
    }

    /** Taggers built from {@code news.rules} since start. */
    public long built() {
        return built.sum();
    }

    /** Tags with the rules of {@code record} (the value of the rules store, null when it has none). */
    public TagResult tag(String record, FeedItem item) {
        apply(record);
        RuleTagger live = current;
        return live == null ? fallback.tag(item) : live.tag(item);
    }

    /**
     * Makes {@code record} the rules in force, unless it is the record examined last, cannot be loaded, or has the
     * version in force.
     */
    void apply(String record) {
        if (Objects.equals(record, lastExamined)) {
            return;
        }
        synchronized (lock) {
            if (Objects.equals(record, lastExamined)) {
                return;
            }
            lastExamined = record;
            if (record == null) {
                LOG.info("no rules in {}: tagging with processor.rules.file", Topics.RULES);
                current = null;
                return;
            }
            Rules rules;
            try {
                rules = Json.mapper().readValue(record, RulesMessage.class).parse();
            } catch (JsonProcessingException | RulesException e) {
                reject(e.getMessage());
                return;
            }
            RuleTagger live = current;
            if (live != null && live.rules().version().equals(rules.version())) {
                return;
            }
            try {
                current = RuleTagger.create(rules);
            } catch (IllegalArgumentException e) {
                reject(e.getMessage());
                return;
            }
            built.increment();
            LOG.info("live rules in force rules_version={} topic={}", rules.version(), Topics.RULES);
        }
    }

    private void reject(String reason) {
        rejected.increment();
        LOG.error("rules in {} rejected, keeping the rules in force: rules_version={} error={}", Topics.RULES,
                liveVersion().orElse("processor.rules.file"), reason);
    }

    private final class StoreUpdater implements Processor<String, String, Void, Void> {
        private KeyValueStore<String, String> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, String> record) {
            store.put(record.key(), record.value());
            if (RulesMessage.KEY.equals(record.key())) {
                apply(record.value());
            }
        }
    }

    private final class Step<V> implements FixedKeyProcessor<String, FeedItem, V> {
        private final BiFunction<FeedItem, TagResult, V> combine;
        private FixedKeyProcessorContext<String, V> context;
        private KeyValueStore<String, String> store;

        Step(BiFunction<FeedItem, TagResult, V> combine) {
            this.combine = combine;
        }

        @Override
        public void init(FixedKeyProcessorContext<String, V> context) {
            this.context = context;
            this.store = context.getStateStore(STORE);
        }

        @Override
        public void process(FixedKeyRecord<String, FeedItem> record) {
            FeedItem item = record.value();
            context.forward(record.withValue(combine.apply(item, tag(store.get(RulesMessage.KEY), item))));
        }
    }
}
