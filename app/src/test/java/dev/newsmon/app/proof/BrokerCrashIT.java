package dev.newsmon.app.proof;

import dev.newsmon.app.pipeline.Pipeline;
import dev.newsmon.broker.BrokerOptions;
import dev.newsmon.broker.EmbeddedBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The broker crashing in the middle of a run: a broker of its own (not a shared one), killed with SIGKILL while
 * alerts are in flight and restarted on the same data and port. Every expected alert arrives, and no story is
 * alerted twice.
 */
class BrokerCrashIT {
    private static final int STORIES = 8;

    @TempDir
    Path dir;

    @Test
    void brokerKilledMidRunAndRestartedLosesAndRepeatsNothing() throws Exception {
        String scenario = "broker-kill";
        AtomicReference<EmbeddedBroker> broker = new AtomicReference<>(
                EmbeddedBroker.start(BrokerOptions.forTest(dir.resolve("broker"))));
        try {
            ProofCluster cluster = ProofCluster.on(broker.get().bootstrapServers(), dir);
            try (StoryWorkload workload = new StoryWorkload("bk", STORIES);
                 Pipeline pipeline = Pipeline.start(cluster.config(scenario), workload.feeds(), System.out)) {
                MidRunKill.Result crash = MidRunKill.run(cluster, scenario, workload, pipeline::pollOnce,
                        () -> broker.get().kill(), () -> cluster.ledger(scenario, workload).items(), "in the file",
                        () -> broker.set(EmbeddedBroker.start(broker.get().options().withPort(port(broker.get())))));
                pipeline.awaitQuiet(ProofCluster.DRAIN);

                // Not bounded: it is mostly the broker's own restart, which takes tens of seconds on a busy machine.
                crash.gap().report(scenario, "kill -9 of the broker and its restart", "");
                cluster.ledger(scenario, workload).verify(scenario, "kill -9 of the broker with "
                        + crash.doneAtKill() + " of " + workload.expectedAlerts() + " alerts in the file and the "
                        + "rest of the stories' items produced, restart on the same data and port");
            }
        } finally {
            broker.get().close();
        }
    }

    private static int port(EmbeddedBroker broker) {
        String address = broker.bootstrapServers();
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }
}
