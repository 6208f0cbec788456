package dev.newsmon.app.proof;

import dev.newsmon.app.NewsmonProcess;
import dev.newsmon.app.pipeline.IngestAssembly;
import dev.newsmon.app.pipeline.Pipeline;
import dev.newsmon.app.pipeline.ProcessorAssembly;
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
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Services crashing in the middle of a run, on a shared broker: the processor and the sink are killed with SIGKILL
 * in a child JVM while alerts are in flight, and the sink dies between the fsync of its file and the commit of its
 * offsets. Each is restarted; every expected alert arrives, no story is alerted twice, and after a kill -9 the next
 * alert arrives within 10 s.
 */
class CrashRecoveryIT {
    private static final int STORIES = 8;
    /** What a restart after a crash may cost, from the kill to the next alert delivered (issue 23). */
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final ProofCluster CLUSTER = new ProofCluster();

    @Test
    void processorKilledMidRunAndRestartedLosesAndRepeatsNothingAndAlertsAgainWithinSeconds() throws Exception {
        String scenario = "processor-kill";
        NewsmonConfig config = CLUSTER.config(scenario);
        AtomicReference<NewsmonProcess> processor = new AtomicReference<>();
        try (StoryWorkload workload = new StoryWorkload("pk", STORIES);
             Ops ops = Ops.start(config, "proof");
             IngestService ingest = IngestAssembly.build(config, workload.feeds(), ops);
             RunningSink<SinkRunner> sinks = RunningSink.start(CLUSTER.sinks(config, ops))) {
            processor.set(CLUSTER.startProcessor(scenario));
            MidRunKill.Result crash = MidRunKill.run(CLUSTER, scenario, workload, ingest::pollOnce,
                    () -> processor.get().kill(), () -> CLUSTER.committedAlertItems(workload), "in news.alerts",
                    () -> processor.set(CLUSTER.startProcessor(scenario)));
            Pipeline.awaitQuiet(config, sinks.sink().sinkNames(), ProofCluster.DRAIN);

            crash.gap().report(scenario, "kill -9 of the processor and its restart", crash.upNote(processor.get()));
            CLUSTER.ledger(scenario, workload).verify(scenario, "kill -9 of the `newsmon processor` JVM with "
                    + crash.doneAtKill() + " of " + workload.expectedAlerts() + " alerts in news.alerts and the "
                    + "rest of the stories' items produced, restart (exactly_once_v2, same group.instance.id)");
            crash.gap().assertWithin(scenario, RECOVERY_LIMIT);
        } finally {
            if (processor.get() != null) {
                processor.get().close();
            }
        }
    }

    @Test
    void sinkKilledMidRunAndRestartedLosesAndRepeatsNothingAndDeliversAgainWithinSeconds() throws Exception {
        String scenario = "sink-sigkill";
        NewsmonConfig config = CLUSTER.config(scenario);
        AtomicReference<NewsmonProcess> sink = new AtomicReference<>();
        try (StoryWorkload workload = new StoryWorkload("sx", STORIES);
             Ops ops = Ops.start(config, "proof");
             IngestService ingest = IngestAssembly.build(config, workload.feeds(), ops);
             ProcessorService processor = ProcessorAssembly.build(config, ops)) {
            ProofCluster.startAtEnd(config, ProofCluster.CHILD_SINKS);
            processor.start();
            sink.set(CLUSTER.startSink(scenario));
            MidRunKill.Result crash = MidRunKill.run(CLUSTER, scenario, workload, ingest::pollOnce,
                    () -> sink.get().kill(), () -> CLUSTER.ledger(scenario, workload).items(), "in the file",
                    () -> sink.set(CLUSTER.startSink(scenario)));
            Pipeline.awaitQuiet(config, ProofCluster.CHILD_SINKS, ProofCluster.DRAIN);

            crash.gap().report(scenario, "kill -9 of the sink and its restart", crash.upNote(sink.get()));
            CLUSTER.ledger(scenario, workload).verify(scenario, "kill -9 of the `newsmon sink` JVM with "
                    + crash.doneAtKill() + " of " + workload.expectedAlerts() + " alerts in its file, restart "
                    + "(same group.instance.id): Kafka delivered its uncommitted alerts again and the sink found "
                    + "their item ids in the file");
            crash.gap().assertWithin(scenario, RECOVERY_LIMIT);
        } finally {
            if (sink.get() != null) {
                sink.get().close();
            }
        }
    }

    @Test
    void sinkKilledBetweenFileWriteAndOffsetCommitWritesNothingTwice() throws Exception {
        String scenario = "sink-kill";
        NewsmonConfig config = CLUSTER.config(scenario);
        try (StoryWorkload workload = new StoryWorkload("sk", STORIES);
             Ops ops = Ops.start(config, "proof");
             IngestService ingest = IngestAssembly.build(config, workload.feeds(), ops);
             ProcessorService processor = ProcessorAssembly.build(config, ops)) {
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
                    new CrashAfterFsync(jsonl, workload), ops.registry()));
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
