package dev.newsmon.app.proof;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.newsmon.app.pipeline.Services;
import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import dev.newsmon.ingest.IngestService;
import dev.newsmon.ingest.feedlist.FeedSource;
import dev.newsmon.processor.ProcessorService;
import dev.newsmon.sink.SinkService;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static dev.newsmon.app.proof.ProofCluster.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The world misbehaving rather than newsmon crashing: feeds that fail in every way at once, and an output folder
 * the sink cannot write. Neither may slow the healthy part much, lose an alert or repeat one.
 */
class DegradedConditionsIT {
    private static final int HEALTHY_FEEDS = 72;
    private static final int HOSTILE_FEEDS = 8;
    /** What a remote feed server takes to answer, so that a poll is bound by waiting, as a real one is. */
    private static final Duration FEED_LATENCY = Duration.ofMillis(100);
    /**
     * A hanging feed holds one fetch slot until the request timeout: with C slots and H hanging feeds the healthy
     * ones get C-H, a slowdown of H/(C-H) when fetching is bound by waiting (2 of 8 slots: 33%). 32 slots keep two
     * hanging feeds under 10%; the README says to size ingest.concurrency this way.
     */
    private static final String CONCURRENCY = "32";
    private static final int ROUNDS = 5;
    private static final double MAX_SLOWDOWN = 0.20;

    private static ProofCluster cluster;

    @BeforeAll
    static void startBroker() throws Exception {
        cluster = new ProofCluster(Files.createTempDirectory("newsmon-degraded"));
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void hostileFeedsDoNotSlowTheHealthyOnesByMoreThanAFifth() throws Exception {
        String scenario = "hostile-feeds";
        cluster.startAtEnd(scenario);
        NewsmonConfig config = cluster.config(scenario).withKnown(Map.of(
                "ingest.http.request.timeout", "2s",
                "ingest.concurrency", CONCURRENCY,
                "ingest.http.max.body", "1MiB"));
        try (StoryWorkload workload = new StoryWorkload("hf", 1, HEALTHY_FEEDS)) {
            workload.publish(1);
            workload.latency(FEED_LATENCY);
            List<FeedSource> healthy = workload.feeds();
            List<FeedSource> mixed = new ArrayList<>(healthy);
            mixed.addAll(workload.hostileFeeds(HOSTILE_FEEDS));
            Collections.shuffle(mixed, new Random(42));

            healthyPollMillis(config, healthy, workload);
            long[] alone = new long[ROUNDS];
            long[] withHostile = new long[ROUNDS];
            // Interleaved after a warm-up round, and each side's fastest round compared: a busy machine only ever
            // adds time, so the fastest round is the one that shows what the hostile feeds themselves cost.
            for (int round = 0; round < ROUNDS; round++) {
                alone[round] = healthyPollMillis(config, healthy, workload);
                withHostile[round] = healthyPollMillis(config, mixed, workload);
            }
            double slowdown = (double) fastest(withHostile) / fastest(alone) - 1;

            try (ProcessorService processor = Services.processor(config);
                 RunningSink sink = RunningSink.start(Services.sink(config, System.out))) {
                processor.start();
                cluster.awaitQuiet(scenario);
            }
            AlertLedger ledger = AlertLedger.of(cluster.alertsFile(scenario), workload);
            System.out.println(ledger.report(String.format("%d of %d feeds hostile (hang past the 2 s timeout, 500, "
                    + "garbage, 16 MiB body over a 1 MiB cap), ingest.concurrency=%s; healthy feeds polled in %s ms alone, "
                    + "%s ms among them (fastest %d / %d ms): slowdown %.0f%%", HOSTILE_FEEDS,
                    HEALTHY_FEEDS + HOSTILE_FEEDS, CONCURRENCY,
                    Arrays.toString(alone), Arrays.toString(withHostile), fastest(alone), fastest(withHostile),
                    slowdown * 100)));
            assertTrue(slowdown <= MAX_SLOWDOWN, String.format("healthy feeds slowed by %.0f%%", slowdown * 100));
            assertEquals(0, ledger.lost(), ledger.toString());
            assertEquals(0, ledger.duplicates(), ledger.toString());
            assertEquals(0, ledger.unexpected(), ledger.toString());
        }
    }

    @Test
    void unwritableOutputFolderIsRetriedWithoutCommittingPastAnUnwrittenAlert() throws Exception {
        String scenario = "unwritable-out";
        Map<TopicPartition, OffsetAndMetadata> sinkStart = cluster.startAtEnd(scenario);
        // The process runs as root in CI containers, where a read-only mode stops nothing: a file standing where
        // the output folder should be makes every write fail the same way, for any user.
        Path blocker = cluster.dir(scenario).resolve("blocked");
        Files.createDirectories(blocker.getParent());
        Files.writeString(blocker, "a file where the sink expects a folder\n");
        Path out = blocker.resolve("out");
        NewsmonConfig config = cluster.config(scenario).withKnown(Map.of(Settings.SINK_OUT_DIR.key(), out.toString()));
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger sinkLog = (Logger) LoggerFactory.getLogger(SinkService.class);
        log.start();
        sinkLog.addAppender(log);
        try (StoryWorkload workload = new StoryWorkload("uw", 4);
             IngestService ingest = Services.ingest(config, workload.feeds());
             ProcessorService processor = Services.processor(config);
             RunningSink sink = RunningSink.start(Services.sink(config, System.out))) {
            processor.start();
            workload.publish(4);
            ingest.pollOnce();

            awaitTrue("two failed writes", Duration.ofSeconds(90), () -> sink.service().failedBatches() >= 2);
            assertEquals(sinkStart, cluster.committed(config.get(Settings.SINK_GROUP_ID), Topics.ALERTS),
                    "no offset is committed while nothing can be written");
            String error = log.list.stream().filter(e -> e.getLevel() == Level.ERROR)
                    .map(ILoggingEvent::getFormattedMessage).findFirst().orElseThrow();
            assertTrue(error.contains("cannot write alerts") && error.contains(out.toString())
                    && error.contains("will be retried"), error);

            long failures = sink.service().failedBatches();
            Files.delete(blocker);
            cluster.awaitQuiet(scenario);
            AlertLedger ledger = AlertLedger.of(out.resolve("alerts.jsonl"), workload);
            System.out.println(ledger.report("output folder unwritable (a file in its place) for " + failures
                    + " write attempts, no offsets committed meanwhile (" + error.length() + "-char error: \""
                    + error.substring(0, Math.min(90, error.length())) + "…\"), then made writable"));
            assertEquals(0, ledger.lost(), ledger.toString());
            assertEquals(0, ledger.duplicates(), ledger.toString());
        } finally {
            sinkLog.detachAppender(log);
        }
    }

    /** How long after the start of one poll the last healthy feed was served. */
    private static long healthyPollMillis(NewsmonConfig config, List<FeedSource> feeds, StoryWorkload workload) {
        try (IngestService ingest = Services.ingest(config, feeds)) {
            long start = System.nanoTime();
            ingest.pollOnce();
            return (workload.lastOutletServed() - start) / 1_000_000;
        }
    }

    private static long fastest(long[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }
}
