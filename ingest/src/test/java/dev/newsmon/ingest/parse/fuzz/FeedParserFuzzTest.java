package dev.newsmon.ingest.parse.fuzz;

import dev.newsmon.ingest.parse.FeedParseException;
import dev.newsmon.ingest.parse.FeedParser;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Feeds the parser mutated feeds: 1,000 here, 10,000 in {@link FeedParserFuzzIT}. Each must parse or fail with
 * {@link FeedParseException} within the timeout, and the live heap must not grow with the number of cases. Every
 * case is a function of its seed: a failure names the seed, and {@code -Dnewsmon.fuzz.seed=N} replays a run
 * ({@code -Dnewsmon.fuzz.cases=N} sizes it).
 */
class FeedParserFuzzTest {
    /** Enough for every mutation kind many times over, in seconds: the unit phase runs in every build. */
    private static final int UNIT_CASES = 1_000;
    private static final long BASE_SEED = Long.getLong("newsmon.fuzz.seed", 20261129L);
    /** A hang is endless; the margin is for a CI machine busy with other builds, where a case can take a second. */
    private static final long TIMEOUT_MS = 5_000;
    /** Live heap after GC may exceed its level at the start by this much (the parser keeps no state). */
    private static final long HEAP_GROWTH_BOUND = 64L * 1024 * 1024;
    /** Heap checks per run: a growth shows well before the end, and each check costs two full collections. */
    private static final int HEAP_CHECKS = 5;
    /** Cases run on two threads, one per core of the CI machine; each case still has its own timeout. */
    private static final int SHARDS = 2;

    private static final List<String> CONTENT_TYPES = Arrays.asList(null, "application/rss+xml",
            "application/atom+xml; charset=UTF-8", "text/xml; charset=ISO-8859-1", "text/xml; charset=UTF-16",
            "text/html", "application/octet-stream", "application/xml; charset=no-such-charset", "text/plain;;;");

    private static final FeedParser PARSER = new FeedParser();

    /** One case: what was done to which seed feed, with which content type. */
    private record Case(long seed, int seedFeed, List<String> mutations, String contentType, byte[] body) {
        @Override
        public String toString() {
            return "seed=" + seed + " seed_feed=" + seedFeed + " mutations=" + mutations + " content_type="
                    + contentType + " bytes=" + body.length + " (replay: -Dnewsmon.fuzz.seed=" + BASE_SEED + ")";
        }
    }

    /** What the cases of a run came to. */
    private static final class Tally {
        private final int cases;
        private final Map<String, Long> nanosByMutation = new TreeMap<>();
        private int parsed;
        private int rejected;
        private long slowestNanos;
        private Case slowest;
        private long peakHeapGrowth;

        Tally(int cases) {
            this.cases = cases;
        }

        synchronized void add(Case c, boolean wasParsed, long nanos) {
            if (wasParsed) {
                parsed++;
            } else {
                rejected++;
            }
            c.mutations().forEach(m -> nanosByMutation.merge(m, nanos, Long::sum));
            if (nanos > slowestNanos) {
                slowestNanos = nanos;
                slowest = c;
            }
        }

        synchronized void heapGrowth(long bytes) {
            peakHeapGrowth = Math.max(peakHeapGrowth, bytes);
        }

        synchronized String summary() {
            Map<String, Long> millis = new TreeMap<>();
            nanosByMutation.forEach((k, v) -> millis.put(k, v / 1_000_000));
            return String.format("fuzz: %d cases (base seed %d): %d parsed, %d rejected with FeedParseException, "
                            + "peak live-heap growth %d KiB; slowest %d ms (%s); ms per mutation kind %s", cases,
                    BASE_SEED, parsed, rejected, peakHeapGrowth / 1024, slowestNanos / 1_000_000, slowest, millis);
        }
    }

    @Test
    void mutatedFeedsParseOrFailCleanlyInTimeWithoutHeapGrowth() throws Exception {
        assertMutatedFeedsParseOrFailCleanly(Integer.getInteger("newsmon.fuzz.cases", UNIT_CASES));
    }

    /** Cases 0 to {@code cases - 1} of the base seed: each parses or fails cleanly, in time, without heap growth. */
    static void assertMutatedFeedsParseOrFailCleanly(int cases) throws Exception {
        List<byte[]> seeds = SeedFeeds.all();
        for (byte[] seed : seeds) {
            assertTrue(PARSER.parse(seed, null, "https://fuzz.example/feed").entries().size() > 0,
                    "every seed feed is valid and has entries");
        }
        long heapAtStart = liveHeap();
        long cpuAtStart = processCpuNanos();
        Tally tally = new Tally(cases);
        ExecutorService drivers = Executors.newFixedThreadPool(SHARDS);
        try {
            List<Future<?>> shards = new ArrayList<>();
            for (int shard = 0; shard < SHARDS; shard++) {
                int first = shard;
                shards.add(drivers.submit(() -> {
                    runShard(first, cases, seeds, tally, heapAtStart);
                    return null;
                }));
            }
            for (Future<?> shard : shards) {
                try {
                    shard.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof AssertionError a ? a : new AssertionError(e.getCause());
                }
            }
        } finally {
            drivers.shutdownNow();
        }
        // CPU time, unlike wall time, says what the run costs on an idle machine: a busy one only stretches it.
        System.out.printf("%s; process CPU time %d s%n", tally.summary(),
                (processCpuNanos() - cpuAtStart) / 1_000_000_000);
        assertEquals(cases, tally.parsed + tally.rejected);
        assertTrue(tally.parsed > cases / 20 && tally.rejected > cases / 20,
                "the mutations must exercise both outcomes: " + tally.summary());
    }

    /** Cases first, first + SHARDS, ...: each parsed on a worker thread the driver can abandon when it hangs. */
    private static void runShard(int first, int cases, List<byte[]> seeds, Tally tally, long heapAtStart)
            throws InterruptedException {
        int heapCheckEvery = Math.max(1, cases / SHARDS / HEAP_CHECKS);
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-parser-" + first);
            t.setDaemon(true);
            return t;
        });
        try {
            int done = 0;
            for (int i = first; i < cases; i += SHARDS) {
                Case c = newCase(BASE_SEED + i, seeds);
                long started = System.nanoTime();
                Future<Boolean> outcome = worker.submit(() -> parseOrReject(c));
                try {
                    tally.add(c, outcome.get(TIMEOUT_MS, TimeUnit.MILLISECONDS), System.nanoTime() - started);
                } catch (TimeoutException e) {
                    outcome.cancel(true);
                    throw new AssertionError("parser hung past " + TIMEOUT_MS + " ms on case " + c);
                } catch (ExecutionException e) {
                    throw new AssertionError("unexpected " + e.getCause() + " on case " + c, e.getCause());
                }
                if (++done % heapCheckEvery == 0) {
                    long growth = liveHeap() - heapAtStart;
                    tally.heapGrowth(growth);
                    assertTrue(growth < HEAP_GROWTH_BOUND, "live heap grew by " + growth / 1024 + " KiB by case "
                            + c);
                }
            }
        } finally {
            worker.shutdownNow();
        }
    }

    /** True when the feed parsed, false when it was rejected; anything else escapes and fails the test. */
    private static boolean parseOrReject(Case c) {
        try {
            PARSER.parse(c.body(), c.contentType(), "https://fuzz.example/feeds/" + c.seed() + ".xml");
            return true;
        } catch (FeedParseException e) {
            assertTrue(e.getMessage().startsWith("cannot parse feed https://fuzz.example/feeds/"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
            return false;
        }
    }

    private static Case newCase(long seed, List<byte[]> seeds) {
        Random r = new Random(seed);
        int seedFeed = r.nextInt(seeds.size());
        byte[] body = seeds.get(seedFeed);
        int count = 1 + r.nextInt(3);
        List<String> applied = new ArrayList<>(count);
        for (int m = 0; m < count && body.length > 0; m++) {
            FeedMutator.Mutation mutation = FeedMutator.ALL.get(r.nextInt(FeedMutator.ALL.size()));
            body = mutation.apply().apply(body, r);
            applied.add(mutation.name());
        }
        return new Case(seed, seedFeed, applied, CONTENT_TYPES.get(r.nextInt(CONTENT_TYPES.size())), body);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long liveHeap() {
        Runtime rt = Runtime.getRuntime();
        // Two collections: the first may only queue finalizable or weakly reachable objects.
        System.gc();
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }
}
