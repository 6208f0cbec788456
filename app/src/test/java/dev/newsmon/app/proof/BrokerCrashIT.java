package dev.newsmon.app.proof;

import dev.newsmon.app.pipeline.Pipeline;
import dev.newsmon.broker.BrokerOptions;
import dev.newsmon.broker.EmbeddedBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static dev.newsmon.app.proof.ProofCluster.awaitTrue;

/**
 * The broker crashing in the middle of a run: a broker of its own (not a shared one), killed with SIGKILL while
 * the first half of the stories is in flight and restarted on the same data and port. Every expected alert
 * arrives, and no story is alerted twice.
 */
class BrokerCrashIT {
    private static final int STORIES = 8;

    @TempDir
    Path dir;

    @Test
    void brokerKilledMidRunAndRestartedLosesAndRepeatsNothing() throws Exception {
        String scenario = "broker-kill";
        EmbeddedBroker broker = EmbeddedBroker.start(BrokerOptions.forTest(dir.resolve("broker")));
        try {
            ProofCluster cluster = ProofCluster.on(broker.bootstrapServers(), dir);
            try (StoryWorkload workload = new StoryWorkload("bk", STORIES);
                 Pipeline pipeline = Pipeline.start(cluster.config(scenario), workload.feeds(), System.out)) {
                workload.publish(STORIES / 2);
                pipeline.pollOnce();
                awaitTrue("the first alert", ProofCluster.DRAIN, () -> cluster.ledger(scenario, workload).delivered() > 0);

                int atKill = cluster.ledger(scenario, workload).delivered();
                broker.kill();
                broker = EmbeddedBroker.start(broker.options().withPort(port(broker)));
                workload.publish(STORIES);
                pipeline.pollOnce();
                pipeline.awaitQuiet(ProofCluster.DRAIN);

                cluster.ledger(scenario, workload).verify(scenario, "kill -9 of the broker with " + atKill + " of "
                        + workload.expectedAlerts() / 2 + " alerts of the first half delivered, restart on the same "
                        + "data and port, second half of the stories published after it");
            }
        } finally {
            broker.close();
        }
    }

    private static int port(EmbeddedBroker broker) {
        String address = broker.bootstrapServers();
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }
}
