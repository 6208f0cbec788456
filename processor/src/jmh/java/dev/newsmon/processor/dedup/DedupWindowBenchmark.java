package dev.newsmon.processor.dedup;

import dev.newsmon.common.config.Settings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The dedup cost of one tagged item while the window already holds {@code windowItems} items (see
 * {@link DedupWindow} for what is stored and measured). The warm-up is long because filling a large window leaves
 * RocksDB a backlog of compaction that would otherwise run during the first measured seconds.
 *
 * <p>The measurement is a minute (ten 6-second iterations), so that it spans several of the compactions the
 * measured items' own writes cause at a large window; a shorter one would catch a varying number of them.
 *
 * <p>Run: {@code mvn -B -pl processor -am -Pjmh -DskipTests verify -Djmh.args="DedupWindowBenchmark"}. Most of a
 * fork at 1M items goes to filling the window and waiting for its compaction. Forks of one size differ from one
 * to the next by more than the sizes differ, so the ratio between sizes comes from {@link DedupWindowPairs}, which
 * measures both windows in one JVM in alternation (docs/benchmarks.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 3)
@Measurement(iterations = 10, time = 6)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class DedupWindowBenchmark {
    @Param({"10000", "100000", "1000000"})
    public int windowItems;

    /** processor.rocksdb.block.cache, the memory all stores share; "default" keeps the shipped value. */
    @Param("default")
    public String blockCache;

    /** processor.rocksdb.write.buffer, the memtables' share of it; "default" keeps the shipped value. */
    @Param("default")
    public String writeBuffer;

    private DedupWindow window;

    @Setup(Level.Trial)
    public void setUp() throws IOException, InterruptedException {
        Map<String, String> settings = new HashMap<>();
        if (!blockCache.equals("default")) {
            settings.put(Settings.PROCESSOR_ROCKSDB_CACHE.key(), blockCache);
        }
        if (!writeBuffer.equals("default")) {
            settings.put(Settings.PROCESSOR_ROCKSDB_WRITE_BUFFER.key(), writeBuffer);
        }
        window = new DedupWindow(windowItems, settings);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        window.close();
    }

    /** One tagged item from band probes to its alert; returns the kind of its last alert. */
    @Benchmark
    public Object oneItem() {
        return window.nextItem();
    }

    /** Untimed: keeps the window at its size (see {@link DedupWindow#forgetLastItem}). */
    @TearDown(Level.Invocation)
    public void forgetMeasuredItem() {
        window.forgetLastItem();
    }
}
