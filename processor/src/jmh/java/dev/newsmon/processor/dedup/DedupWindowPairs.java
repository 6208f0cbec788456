package dev.newsmon.processor.dedup;

import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The ratio of the dedup cost per item at a large window to that at a small one, with both windows in one JVM and
 * measured in alternation: a batch of items against one, then a batch against the other, the order swapped at
 * every pair. {@link DedupWindowBenchmark} measures one window per JMH fork, and a fork's mean moves with the
 * host's load over minutes and with what the JIT made of that fork, so the ratio of two forks says little. Here
 * both windows run the same compiled code in the same minutes, and a pair's two batches are a second apart.
 *
 * <p>Each window has its own block cache (the small one 1 MiB larger, since {@code BoundedRocksDb} shares one
 * cache among the stores of a JVM that ask for the same sizes), so neither evicts the other's blocks. What they do
 * share is the second core: a compaction the large window's writes cause can still be running during the next
 * small batch and slow it. Small batches are therefore also reported apart by whether the large window had a
 * compaction or flush running or pending at their start or end, and the ratio is given against the quiet ones too.
 *
 * <p>Prints, per window, the mean wall time and thread CPU time per item, and the ratio of the means with a 95%
 * interval from a block bootstrap over the pairs (blocks of ten neighbouring pairs, since a slow minute slows
 * neighbouring pairs alike). Run with {@code processor/src/jmh/dedup-window-pairs.sh}.
 *
 * <p>Arguments: {@code [small items] [large items] [pairs] [batch millis] [warm-up pairs]}, by default 10,000,
 * 1,000,000, 150, 1,000 and 30. With {@code -Dbatches=FILE} every measured batch is also written to FILE as CSV.
 */
public final class DedupWindowPairs {
    private static final int BOOTSTRAP_SAMPLES = 5_000;
    private static final int BOOTSTRAP_BLOCK = 10;

    private DedupWindowPairs() {
    }

    /** One batch: items run, their summed wall and thread CPU nanoseconds. */
    private record Batch(int items, long wallNanos, long cpuNanos, boolean largeBusy) {
        double wallMicrosPerItem() {
            return wallNanos / 1e3 / items;
        }

        String csv(int pair, int windowItems) {
            return pair + "," + windowItems + "," + items + "," + wallNanos / 1_000 + "," + cpuNanos / 1_000 + ","
                    + largeBusy;
        }
    }

    public static void main(String[] args) throws Exception {
        int smallItems = arg(args, 0, 10_000);
        int largeItems = arg(args, 1, 1_000_000);
        int pairs = arg(args, 2, 150);
        int batchMillis = arg(args, 3, 1_000);
        int warmupPairs = arg(args, 4, 30);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();

        try (DedupWindow large = new DedupWindow(largeItems, Map.of());
             DedupWindow small = new DedupWindow(smallItems,
                     Map.of(Settings.PROCESSOR_ROCKSDB_CACHE.key(), (cacheMiB() + 1) + "MiB"))) {
            List<Batch> smallBatches = new ArrayList<>();
            List<Batch> largeBatches = new ArrayList<>();
            for (int p = -warmupPairs; p < pairs; p++) {
                boolean smallFirst = Math.floorMod(p, 2) == 0;
                Batch first = batch(smallFirst ? small : large, large, batchMillis, threads);
                Batch second = batch(smallFirst ? large : small, large, batchMillis, threads);
                if (p >= 0) {
                    smallBatches.add(smallFirst ? first : second);
                    largeBatches.add(smallFirst ? second : first);
                }
                if (p == -1) {
                    System.out.println("warm-up done");
                }
            }
            report(smallItems, largeItems, smallBatches, largeBatches);
            String csv = System.getProperty("batches");
            if (csv != null) {
                writeCsv(Path.of(csv), smallItems, largeItems, smallBatches, largeBatches);
            }
        }
    }

    private static Batch batch(DedupWindow window, DedupWindow large, int batchMillis, ThreadMXBean threads) {
        boolean busy = window != large && large.compactionBusy() > 0;
        long wall = 0;
        long cpu = 0;
        int items = 0;
        while (wall < batchMillis * 1_000_000L) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            window.nextItem();
            wall += System.nanoTime() - t0;
            cpu += threads.getCurrentThreadCpuTime() - c0;
            items++;
            window.forgetLastItem();
        }
        busy |= window != large && large.compactionBusy() > 0;
        return new Batch(items, wall, cpu, busy);
    }

    private static void report(int smallItems, int largeItems, List<Batch> smallBatches, List<Batch> largeBatches) {
        System.out.printf("%d pairs of batches%n", smallBatches.size());
        System.out.printf("%,d items: %.0f us wall, %.0f us thread CPU per item%n", smallItems,
                wallMean(smallBatches), cpuMean(smallBatches));
        System.out.printf("%,d items: %.0f us wall, %.0f us thread CPU per item%n", largeItems,
                wallMean(largeBatches), cpuMean(largeBatches));
        List<Batch> quiet = smallBatches.stream().filter(b -> !b.largeBusy()).toList();
        List<Batch> busy = smallBatches.stream().filter(Batch::largeBusy).toList();
        System.out.printf("%,d items while the large window compacted: %.0f us wall per item in %d batches;"
                + " while it was quiet: %.0f us in %d%n", smallItems, wallMean(busy), busy.size(),
                wallMean(quiet), quiet.size());

        double[] ratios = pairRatios(smallBatches, largeBatches);
        double[] interval = bootstrap(smallBatches, largeBatches);
        System.out.printf("ratio of the means, wall: %.2f (95%% interval %.2f to %.2f); thread CPU: %.2f;"
                        + " against the small window's quiet batches only: %.2f%n",
                wallMean(largeBatches) / wallMean(smallBatches), interval[0], interval[1],
                cpuMean(largeBatches) / cpuMean(smallBatches), wallMean(largeBatches) / wallMean(quiet));
        Arrays.sort(ratios);
        System.out.printf("pair ratios: median %.2f, quartiles %.2f and %.2f%n", ratios[ratios.length / 2],
                ratios[ratios.length / 4], ratios[ratios.length * 3 / 4]);
    }

    private static void writeCsv(Path file, int smallItems, int largeItems, List<Batch> small, List<Batch> large)
            throws IOException {
        List<String> lines = new ArrayList<>(List.of("pair,window_items,items,wall_us,cpu_us,large_busy"));
        for (int i = 0; i < small.size(); i++) {
            lines.add(small.get(i).csv(i, smallItems));
            lines.add(large.get(i).csv(i, largeItems));
        }
        Files.write(file, lines);
    }

    private static double[] pairRatios(List<Batch> small, List<Batch> large) {
        double[] r = new double[small.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = large.get(i).wallMicrosPerItem() / small.get(i).wallMicrosPerItem();
        }
        return r;
    }

    /** 2.5th and 97.5th percentiles of the ratio of the means over pairs resampled in blocks of neighbours. */
    private static double[] bootstrap(List<Batch> small, List<Batch> large) {
        int n = small.size();
        int block = Math.min(BOOTSTRAP_BLOCK, n);
        Random random = new Random(1);
        double[] ratios = new double[BOOTSTRAP_SAMPLES];
        for (int s = 0; s < BOOTSTRAP_SAMPLES; s++) {
            double smallSum = 0;
            double largeSum = 0;
            for (int taken = 0; taken < n; taken += block) {
                int start = random.nextInt(n - block + 1);
                for (int i = start; i < start + block; i++) {
                    smallSum += small.get(i).wallMicrosPerItem();
                    largeSum += large.get(i).wallMicrosPerItem();
                }
            }
            ratios[s] = largeSum / smallSum;
        }
        Arrays.sort(ratios);
        return new double[] {ratios[BOOTSTRAP_SAMPLES / 40], ratios[BOOTSTRAP_SAMPLES - 1 - BOOTSTRAP_SAMPLES / 40]};
    }

    private static double wallMean(List<Batch> batches) {
        return batches.stream().mapToDouble(Batch::wallMicrosPerItem).average().orElse(Double.NaN);
    }

    private static double cpuMean(List<Batch> batches) {
        return batches.stream().mapToDouble(b -> b.cpuNanos() / 1e3 / b.items()).average().orElse(Double.NaN);
    }

    private static long cacheMiB() {
        return NewsmonConfig.defaults().get(Settings.PROCESSOR_ROCKSDB_CACHE) >> 20;
    }

    private static int arg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }
}
