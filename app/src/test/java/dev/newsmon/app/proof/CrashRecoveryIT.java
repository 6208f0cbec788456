package dev.newsmon.app.proof;

import dev.newsmon.app.NewsmonProcess;
import dev.newsmon.app.pipeline.Pipeline;
import dev.newsmon.app.pipeline.Services;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.model.Alert;
import dev.newsmon.common.ops.Ops;
import dev.newsmon.ingest.IngestService;
import dev.newsmon.processor.ProcessorService;
import dev.newsmon.sink.AlertSink;
import dev.newsmon.sink.SinkRunner;
import dev.newsmon.sink.SinkService;
import dev.newsmon.sink.jsonl.JsonlFileSink;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.newsmon.app.proof.ProofCluster.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Services crashing in the middle of a run, on a shared broker: the processor is killed with SIGKILL in a child
 * JVM, and the sink dies between the fsync of its file and the commit of its offsets. Each is restarted; every
 * expected alert arrives, and no story is alerted twice.
 */
class CrashRecoveryIT {
    private static final int STORIES = 8;

    @RegisterExtension
    static final ProofCluster CLUSTER = new ProofCluster();

    @Test
    void processorKilledMidRunAndRestartedLosesAndRepeatsNothing() throws Exception {
        String scenario = "processor-kill";
        NewsmonConfig config = CLUSTER.config(scenario);
        try (StoryWorkload workload = new StoryWorkload("pk", STORIES);
             Ops ops = Ops.start(config, "proof");
             IngestService ingest = Services.ingest(config, workload.feeds(), ops);
             RunningSink<SinkRunner> sinks = RunningSink.start(CLUSTER.sinks(config, ops))) {
            NewsmonProcess processor = CLUSTER.startProcessor(scenario);
            try {
                workload.publish(STORIES / 2);
                ingest.pollOnce();
                awaitTrue("the first alert", ProofCluster.DRAIN, () -> CLUSTER.ledger(scenario, workload).delivered() > 0);

                int atKill = CLUSTER.ledger(scenario, workload).delivered();
                processor.kill();
                workload.publish(STORIES);
                ingest.pollOnce();
                processor = CLUSTER.startProcessor(scenario);
                Pipeline.awaitQuiet(config, sinks.sink().sinkNames(), ProofCluster.DRAIN);

                CLUSTER.ledger(scenario, workload).verify(scenario, "kill -9 of the `newsmon processor` JVM with "
                        + atKill + " of " + workload.expectedAlerts() / 2 + " alerts of the first half delivered, "
                        + "second half of the stories produced while it was down, restart (exactly_once_v2)");
            } finally {
                processor.close();
            }
        }
    }

    @Test
    void sinkKilledBetweenFileWriteAndOffsetCommitWritesNothingTwice() throws Exception {
        String scenario = "sink-kill";
        NewsmonConfig config = CLUSTER.config(scenario);
        try (StoryWorkload workload = new StoryWorkload("sk", STORIES);
             Ops ops = Ops.start(config, "proof");
             IngestService ingest = Services.ingest(config, workload.feeds(), ops);
             ProcessorService processor = Services.processor(config, ops)) {
            // Built first for the names of its groups; run after the crash, as the restarted `newsmon sink`.
            SinkRunner restarted = CLUSTER.sinks(config, ops);
            processor.start();
            workload.publish(STORIES);
            ingest.pollOnce();

            JsonlFileSink jsonl = new JsonlFileSink(CLUSTER.out(scenario));
            Map<TopicPartition, OffsetAndMetadata> start = ProofCluster.committed(config, jsonl.name());
            RunningSink<SinkService> crashing = RunningSink.start(new SinkService(
                    new KafkaConsumer<>(SinkService.consumerConfig(config, jsonl.name())),
                    new KafkaProducer<>(SinkService.deadLetterProducerConfig(config)),
                    new CrashAfterFsync(jsonl, workload)));
            Throwable died = crashing.awaitDeath(ProofCluster.DRAIN);
            assertInstanceOf(SimulatedCrash.class, died, "the sink died in the window between fsync and commit");
            int written = CLUSTER.ledger(scenario, workload).delivered();
            assertTrue(written > 0, "the crashed batch reached the file");
            assertEquals(start, ProofCluster.committed(config, jsonl.name()), "and none of its offsets was committed");

            try (RunningSink<SinkRunner> sinks = RunningSink.start(restarted)) {
                Pipeline.awaitQuiet(config, restarted.sinkNames(), ProofCluster.DRAIN);
            }
            CLUSTER.ledger(scenario, workload).verify(scenario, "the JSONL sink died after the fsync of its first "
                    + "batch and before committing its offsets (asserted: " + written + " of "
                    + workload.expectedAlerts() + " alerts in the file, offsets unchanged), then restarted: Kafka "
                    + "delivered the batch again and the sink found its item ids in the file");
        }
    }

    /** What the process dying looks like to the sink service: an error nothing in it catches. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash between the file's fsync and the offset commit");
        }
    }

    /**
     * The JSONL sink, crashing once: the first time a batch holds alerts of the workload, right after that batch
     * is on disk. Once only, so that anything committing on the way out (the consumer's close) would get through.
     */
    private static final class CrashAfterFsync implements AlertSink {
        private final JsonlFileSink file;
        private final StoryWorkload workload;
        private final AtomicBoolean armed = new AtomicBoolean();
        private final AtomicBoolean crashed = new AtomicBoolean();

        CrashAfterFsync(JsonlFileSink file, StoryWorkload workload) {
            this.file = file;
            this.workload = workload;
        }

        @Override
        public String name() {
            return file.name();
        }

        @Override
        public void write(Alert alert) throws IOException {
            file.write(alert);
            if (workload.storyOf(alert.title()) >= 0) {
                armed.set(true);
            }
        }

        @Override
        public void commit() throws IOException {
            file.commit();
            if (armed.get() && crashed.compareAndSet(false, true)) {
                throw new SimulatedCrash();
            }
        }

        @Override
        public void rollback() throws IOException {
            file.rollback();
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }
}
