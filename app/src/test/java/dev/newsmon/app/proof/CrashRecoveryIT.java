package dev.newsmon.app.proof;

import dev.newsmon.app.pipeline.Pipeline;
import dev.newsmon.app.pipeline.Services;
import dev.newsmon.common.Topics;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Settings;
import dev.newsmon.common.model.Alert;
import dev.newsmon.ingest.IngestService;
import dev.newsmon.processor.ProcessorService;
import dev.newsmon.sink.AlertSink;
import dev.newsmon.sink.SinkService;
import dev.newsmon.sink.jsonl.JsonlFileSink;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.newsmon.app.proof.ProofCluster.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Crashes in the middle of a run: the broker, the processor and the sink are killed with work in flight and
 * restarted. Every expected alert arrives, and no story is alerted twice.
 */
class CrashRecoveryIT {
    private static final int STORIES = 8;
    private static final Duration FIRST_ALERT = Duration.ofSeconds(90);

    private static ProofCluster cluster;

    @BeforeAll
    static void startBroker() throws Exception {
        cluster = new ProofCluster(Files.createTempDirectory("newsmon-crash-recovery"));
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void brokerKilledMidRunAndRestartedLosesAndRepeatsNothing() throws Exception {
        String scenario = "broker-kill";
        cluster.startAtEnd(scenario);
        try (StoryWorkload workload = new StoryWorkload("bk", STORIES);
             Pipeline pipeline = Pipeline.start(cluster.config(scenario), workload.feeds(), System.out)) {
            workload.publish(STORIES / 2);
            pipeline.pollOnce();
            awaitTrue("the first alert", FIRST_ALERT, () -> ledger(scenario, workload).delivered() > 0);

            cluster.killAndRestartBroker();
            workload.publish(STORIES);
            pipeline.pollOnce();
            pipeline.awaitQuiet(ProofCluster.DRAIN);

            assertNothingLostOrRepeated(scenario, workload, "kill -9 of the broker after the first alert, "
                    + "restart on the same data and port, second half of the stories published after it");
        }
    }

    @Test
    void processorKilledMidRunAndRestartedLosesAndRepeatsNothing() throws Exception {
        String scenario = "processor-kill";
        cluster.startAtEnd(scenario);
        NewsmonConfig config = cluster.config(scenario);
        try (StoryWorkload workload = new StoryWorkload("pk", STORIES);
             IngestService ingest = Services.ingest(config, workload.feeds());
             RunningSink sink = RunningSink.start(Services.sink(config, System.out))) {
            Process processor = cluster.startProcessorJvm(scenario);
            try {
                workload.publish(STORIES / 2);
                ingest.pollOnce();
                awaitTrue("the first alert", FIRST_ALERT, () -> ledger(scenario, workload).delivered() > 0);

                ProofCluster.killHard(processor);
                workload.publish(STORIES);
                ingest.pollOnce();
                processor = cluster.startProcessorJvm(scenario);
                cluster.awaitQuiet(scenario);
            } finally {
                processor.destroy();
                processor.waitFor();
            }
            assertNothingLostOrRepeated(scenario, workload, "kill -9 of the processor JVM after the first alert, "
                    + "second half of the stories produced while it was down, restart (exactly_once_v2)");
        }
    }

    @Test
    void sinkKilledBetweenFileWriteAndOffsetCommitWritesNothingTwice() throws Exception {
        String scenario = "sink-kill";
        Map<TopicPartition, OffsetAndMetadata> sinkStart = cluster.startAtEnd(scenario);
        NewsmonConfig config = cluster.config(scenario);
        try (StoryWorkload workload = new StoryWorkload("sk", STORIES);
             IngestService ingest = Services.ingest(config, workload.feeds());
             ProcessorService processor = Services.processor(config)) {
            processor.start();
            workload.publish(STORIES);
            ingest.pollOnce();

            CrashAfterFsync crash = new CrashAfterFsync(workload);
            RunningSink crashing = RunningSink.start(new SinkService(
                    new KafkaConsumer<>(SinkService.consumerConfig(config)),
                    new KafkaProducer<>(SinkService.deadLetterProducerConfig(config)),
                    List.of(new JsonlFileSink(cluster.out(scenario)), crash)));
            Throwable died = crashing.awaitDeath(FIRST_ALERT);
            assertInstanceOf(SimulatedCrash.class, died, "the sink died in the window between fsync and commit");
            int written = ledger(scenario, workload).delivered();
            assertTrue(written > 0, "the crashed batch reached the file");
            assertEquals(sinkStart, cluster.committed(config.get(Settings.SINK_GROUP_ID), Topics.ALERTS),
                    "and none of its offsets was committed");

            try (RunningSink restarted = RunningSink.start(Services.sink(config, System.out))) {
                cluster.awaitQuiet(scenario);
            }
            assertNothingLostOrRepeated(scenario, workload, "sink died after the fsync of its first batch ("
                    + written + " alerts) and before committing its offsets, then restarted");
        }
    }

    private static AlertLedger ledger(String scenario, StoryWorkload workload) throws Exception {
        return AlertLedger.of(cluster.alertsFile(scenario), workload);
    }

    private static void assertNothingLostOrRepeated(String scenario, StoryWorkload workload, String injected)
            throws Exception {
        AlertLedger ledger = ledger(scenario, workload);
        System.out.println(ledger.report(injected));
        assertEquals(0, ledger.lost(), ledger.toString());
        assertEquals(0, ledger.duplicates(), ledger.toString());
        assertEquals(0, ledger.unexpected(), ledger.toString());
        assertEquals(ledger.expected(), ledger.delivered());
    }

    /** What the process dying looks like to the sink service: an error nothing in it catches. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash between the file's fsync and the offset commit");
        }
    }

    /**
     * Listed after the JSONL sink, so its commit runs after the file's fsync and before the offset commit. It
     * crashes the sink the first time a batch holds alerts of the workload, once that batch is on disk.
     */
    private static final class CrashAfterFsync implements AlertSink {
        private final StoryWorkload workload;
        private final AtomicBoolean armed = new AtomicBoolean();

        CrashAfterFsync(StoryWorkload workload) {
            this.workload = workload;
        }

        @Override
        public String name() {
            return "crash-after-fsync";
        }

        @Override
        public void write(Alert alert) {
            if (workload.storyOf(alert.title()) >= 0) {
                armed.set(true);
            }
        }

        @Override
        public void commit() {
            if (armed.get()) {
                throw new SimulatedCrash();
            }
        }

        @Override
        public void rollback() {
        }

        @Override
        public void close() {
        }
    }
}
