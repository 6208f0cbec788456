package dev.newsmon.processor.dedup;

import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import dev.newsmon.common.model.Alert;
import dev.newsmon.common.model.FeedItem;
import dev.newsmon.processor.NewsTopology;
import dev.newsmon.processor.ProcessorNames;
import dev.newsmon.processor.StateStores;
import dev.newsmon.processor.TaggedItem;
import dev.newsmon.processor.tagging.TagResult;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.WindowStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;

/**
 * A dedup window of {@code windowItems} items on the production RocksDB stores ({@link StateStores}, bounded by
 * {@code BoundedRocksDb}) without changelogs, and the items measured against it: their band probes through
 * {@link BandMatcher} (bucket reads and writes), then their answers, lookups and replies through {@link Resolver}
 * until they are alerted, one task each, the resolve topic's round trips done in memory.
 *
 * <p>The window is filled directly with what a settled item leaves behind (its band entries, story id and
 * shingles): filling a large window through the processors would take hours. {@value #REAL_TEXTS} of the stored items,
 * spread over the window, come from generated texts; the others carry random band keys and shingles of the same
 * sizes, i.e. unrelated stories. Half the measured items are truncated copies of a stored text (a bucket hit, a
 * lookup and an exact check each), half are new stories. Their fingerprints are computed before they are
 * measured: fingerprinting does not depend on the window. What a measured item leaves in the stores is removed
 * after it ({@link #forgetLastItem}, untimed), so the window stays at its size.
 *
 * <p>Used by {@link DedupWindowBenchmark} (one window per JMH fork) and {@link DedupWindowPairs} (two windows in one
 * JVM, measured in alternation).
 */
final class DedupWindow implements AutoCloseable {
    private static final int MEASURED_POOL = 20_000;
    private static final List<String> STORES = List.of(ProcessorNames.BAND_STORE, ProcessorNames.PENDING_STORE,
            ProcessorNames.PENDING_ITEM_STORE, ProcessorNames.DIRECTORY_STORE, ProcessorNames.SHINGLE_STORE,
            ProcessorNames.LOOKUP_STORE);
    private static final Set<String> COMPACTION_METRICS = Set.of("compaction-pending", "num-running-compactions",
            "mem-table-flush-pending", "num-running-flushes");
    private static final Duration COMPACTION_WAIT = Duration.ofMinutes(10);
    /**
     * Stored items with a real text (every n-th, spread over the window); the rest carry random hashes. The same
     * number at every window size, so every size meets the same stories and band collisions between them, and
     * what differs is only how much else the stores hold.
     */
    private static final int REAL_TEXTS = 10_000;
    private static final int VOCABULARY = 20_000;
    private static final int WORDS_PER_TEXT = 90;
    private static final TagResult TAGS = new TagResult(List.of("space-station"), Map.of(), Map.of(), "bench");

    private final int windowItems;
    private final Path stateDir;
    private final Fingerprinter fingerprinter;
    private final MockProcessorContext<String, ResolveMessage> bandContext;
    private final MockProcessorContext<String, Object> resolverContext;
    private final Processor<String, BandProbe, String, ResolveMessage> bandMatcher;
    private final Processor<String, ResolveMessage, String, Object> resolver;
    private final WindowStore<String, BandBucket> buckets;
    private final WindowStore<String, String> directory;
    private final WindowStore<String, Shingles> shingles;
    private final long sliceMs;
    private final int bandPartitions;
    private final long now;
    private final List<List<BandProbe>> measured;
    private int next;

    /**
     * Fills a window of {@code windowItems} items and waits until RocksDB has compacted it.
     *
     * @param settings processor settings over the defaults (a block cache size, say); the data directory is a new
     *                 temporary one
     */
    DedupWindow(int windowItems, Map<String, String> settings) throws IOException, InterruptedException {
        this.windowItems = windowItems;
        stateDir = Files.createTempDirectory("newsmon-dedup-bench");
        Map<String, String> all = new HashMap<>(settings);
        all.put(Settings.DATA_DIR.key(), stateDir.toString());
        NewsmonConfig config = NewsmonConfig.defaults().withKnown(all);
        Duration window = config.get(Settings.PROCESSOR_DEDUP_WINDOW);
        StateStores stores = StateStores.from(config);
        Properties props = NewsTopology.streamsProperties(config);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        fingerprinter = new Fingerprinter(Boilerplate.builtIn());

        now = Instant.parse("2026-11-20T12:00:00Z").toEpochMilli();
        bandContext = new MockProcessorContext<>(props, new TaskId(0, 0), stateDir.toFile());
        bandMatcher = withStores(BandMatcher.supplier(window, stores), bandContext);
        resolverContext = new MockProcessorContext<>(props, new TaskId(1, 0), stateDir.toFile());
        resolverContext.setCurrentSystemTimeMs(now);
        resolver = withStores(Resolver.supplier(window, config.get(Settings.PROCESSOR_DEDUP_THRESHOLD),
                config.get(Settings.PROCESSOR_DEDUP_WAIT_TIMEOUT), stores), resolverContext);

        buckets = bandContext.getStateStore(ProcessorNames.BAND_STORE);
        directory = resolverContext.getStateStore(ProcessorNames.DIRECTORY_STORE);
        shingles = resolverContext.getStateStore(ProcessorNames.SHINGLE_STORE);
        sliceMs = BandMatcher.slice(window).toMillis();
        // One band task owns every bucket here, but items are probed as the processor's partitions group them.
        bandPartitions = config.get(Settings.TOPIC_PARTITIONS);

        // Stored items spread over most of the window, so several segments are live, as in a running processor.
        long spread = window.toMillis() - Duration.ofHours(1).toMillis();
        fill(spread);
        awaitCompactions();
        Random words = new Random(7);
        measured = new ArrayList<>(MEASURED_POOL);
        for (int i = 0; i < MEASURED_POOL; i++) {
            String id = "measured-" + i;
            // Even: a copy keeping the first two thirds of a stored item's text; odd: a new story.
            String text = i % 2 == 0
                    ? truncated(text(new Random(seedOf(stride() * words.nextInt(windowItems / stride())))))
                    : text(words);
            measured.add(probes(id, text, now));
        }
    }

    int windowItems() {
        return windowItems;
    }

    /** Runs the next measured item from band probes to its alert; returns the kind of its last alert. */
    Object nextItem() {
        List<BandProbe> probes = measured.get(next++ % MEASURED_POOL);
        Deque<Record<String, ResolveMessage>> resolve = new ArrayDeque<>();
        for (BandProbe p : probes) {
            bandMatcher.process(new Record<>(p.order().itemId(), p, now));
            bandContext.forwarded().forEach(f -> resolve.add(new Record<>(f.record().key(), f.record().value(), now)));
            bandContext.resetForwards();
        }
        Object kind = null;
        while (!resolve.isEmpty()) {
            resolver.process(resolve.poll());
            for (var f : resolverContext.forwarded()) {
                Object v = f.record().value();
                if (v instanceof ResolveMessage m) {
                    resolve.add(new Record<>(f.record().key(), m, now));
                } else {
                    kind = ((Alert) v).kind();
                }
            }
            resolverContext.resetForwards();
        }
        return kind;
    }

    /**
     * Removes what the last measured item left in the stores (its band entries, story id and shingles). The window
     * then holds {@code windowItems} at every measured item, as a running processor's does while items expire as
     * fast as they come, instead of growing by the tens of thousands of items measured; and an item of the pool
     * measured again is new again rather than a replay the resolver drops at its first answer.
     */
    void forgetLastItem() {
        List<BandProbe> probes = measured.get((next - 1) % MEASURED_POOL);
        String id = probes.get(0).order().itemId();
        long slice = BandMatcher.sliceStart(now, sliceMs);
        for (String key : probes.get(0).bandKeys()) {
            BandBucket bucket = buckets.fetch(key, slice);
            List<BandEntry> others = bucket.entries().stream().filter(e -> !e.order().itemId().equals(id)).toList();
            buckets.put(key, others.isEmpty() ? null : new BandBucket(others), slice);
        }
        directory.put(id, null, now);
        shingles.put(id, null, now);
    }

    /** Pending or running compactions and flushes of the window's stores, from their RocksDB metrics. */
    double compactionBusy() {
        double busy = 0;
        int seen = 0;
        for (MockProcessorContext<?, ?> c : List.of(bandContext, resolverContext)) {
            for (var e : c.metrics().metrics().entrySet()) {
                if (COMPACTION_METRICS.contains(e.getKey().name())) {
                    busy += ((Number) e.getValue().metricValue()).doubleValue();
                    seen++;
                }
            }
        }
        if (seen == 0) {
            throw new IllegalStateException("no RocksDB compaction metrics: cannot tell when the fill is compacted");
        }
        return busy;
    }

    @Override
    public void close() throws IOException {
        bandMatcher.close();
        resolver.close();
        for (MockProcessorContext<?, ?> c : List.of(bandContext, resolverContext)) {
            for (String name : STORES) {
                StateStore store = c.getStateStore(name);
                if (store != null) {
                    store.close();
                }
            }
        }
        Utils.delete(stateDir.toFile());
    }

    private void fill(long spread) {
        Random random = new Random(11);
        for (int i = 0; i < windowItems; i++) {
            String id = "stored-" + i;
            long ts = now - spread + spread * i / windowItems;
            if (i % stride() == 0) {
                List<BandProbe> probes = probes(id, text(new Random(seedOf(i))), ts);
                BandEntry entry = probes.get(0).entry(ts);
                for (String key : probes.get(0).bandKeys()) {
                    BandBucket current = buckets.fetch(key, BandMatcher.sliceStart(ts, sliceMs));
                    BandMatcher.store(buckets, key, current, entry, ts, sliceMs);
                }
                shingles.put(id, probes.stream().filter(p -> p.shingles() != null).findFirst().orElseThrow()
                        .shingles(), ts);
            } else {
                // Random band keys: a bucket of its own each, as for a story no other item shares a band with.
                List<String> keys = new ArrayList<>(Fingerprinter.TOTAL_BANDS);
                for (int b = 0; b < Fingerprinter.TOTAL_BANDS; b++) {
                    keys.add("b" + b + ":" + Hash64.hex(random.nextLong()));
                }
                BandEntry entry = new BandEntry(new OrderKey(ts, id), ts,
                        Hashes.of(keys.stream().mapToLong(BandEntry::bandHash).toArray()));
                for (String key : keys) {
                    BandMatcher.store(buckets, key, null, entry, ts, sliceMs);
                }
                shingles.put(id, Shingles.inTextOrder(random.longs(WORDS_PER_TEXT - 3).toArray()), ts);
            }
            directory.put(id, StoryIds.of(id), ts);
        }
    }

    /**
     * Waits until RocksDB has flushed and compacted what the fill wrote. The fill writes the window far faster
     * than a processor ever would, and leaves a compaction backlog that would take the CPU from
     * the measured items; a running processor's compaction is proportional to its input, which the measured items
     * make (their writes are compacted while they are measured).
     */
    private void awaitCompactions() throws InterruptedException {
        for (MockProcessorContext<?, ?> c : List.of(bandContext, resolverContext)) {
            for (String name : STORES) {
                StateStore store = c.getStateStore(name);
                if (store != null) {
                    store.flush();
                }
            }
        }
        long deadline = System.nanoTime() + COMPACTION_WAIT.toNanos();
        double busy = compactionBusy();
        while (busy > 0 && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            busy = compactionBusy();
        }
        System.out.printf("%,d items: fill compacted: %s (pending or running compactions and flushes: %.0f)%n",
                windowItems, busy == 0 ? "yes" : "no, gave up after " + COMPACTION_WAIT, busy);
    }

    private int stride() {
        return Math.max(1, windowItems / REAL_TEXTS);
    }

    private List<BandProbe> probes(String id, String text, long ts) {
        String title = text.substring(0, text.indexOf(' ', 40));
        FeedItem item = new FeedItem(FeedItem.SCHEMA_VERSION, id, id, "https://feeds.example/bench", "Bench Wire",
                "https://bench.example/" + id, title, text, Instant.ofEpochMilli(ts), Instant.ofEpochMilli(ts));
        return BandProbe.of(new TaggedItem(item, TAGS), fingerprinter.fingerprint(id, title, text), bandPartitions);
    }

    private static long seedOf(int storedIndex) {
        return 1_000_003L * storedIndex + 17;
    }

    /** Words from a Zipf-like vocabulary: frequent words repeat across texts, as in news. */
    private static String text(Random random) {
        StringBuilder b = new StringBuilder();
        for (int w = 0; w < WORDS_PER_TEXT; w++) {
            int rank = (int) Math.floor(Math.pow(VOCABULARY, random.nextDouble()));
            b.append(w == 0 ? "" : " ").append("w").append(Integer.toString(rank, 36));
        }
        return b.toString();
    }

    private static String truncated(String text) {
        return text.substring(0, text.indexOf(' ', text.length() * 2 / 3));
    }

    private static <K, V> Processor<String, K, String, V> withStores(ProcessorSupplier<String, K, String, V> supplier,
                                                                    MockProcessorContext<String, V> context) {
        for (StoreBuilder<?> builder : supplier.stores()) {
            StateStore store = builder.withLoggingDisabled().build();
            store.init(context.getStateStoreContext(), store);
            context.addStateStore(store);
        }
        Processor<String, K, String, V> processor = supplier.get();
        processor.init(context);
        return processor;
    }
}
