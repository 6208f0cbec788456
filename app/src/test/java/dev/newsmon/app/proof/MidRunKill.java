package dev.newsmon.app.proof;

import dev.newsmon.app.NewsmonProcess;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;


/**
 * The course of a kill -9 scenario: half the stories published and read, the kill once their first alert is
 * delivered but only after the other half's items reached news.items, so that alerts are in flight at the kill
 * whatever the first half did meanwhile (an item's alert takes several commits through the dedup topics); then the
 * premise asserted, the restart, and the delivery gap measured.
 */
final class MidRunKill {
    /** One step of a scenario: a poll, a kill, a restart. */
    interface Step {
        void run() throws Exception;
    }

    private MidRunKill() {
    }

    /**
     * @param done  read right after the kill: the workload's items whose alerts were already done at the kill
     * @param where where {@code done} looked, for the proof line
     * @return how many alerts were done at the kill, and the gap from the kill to the next one
     */
    static Result run(ProofCluster cluster, String scenario, StoryWorkload workload, Step poll, Step kill,
                      Callable<Set<String>> done, String where, Step restart) throws Exception {
        workload.publish(workload.stories() / 2);
        poll.run();
        await("the first alert").atMost(ProofCluster.DRAIN)
                .until(() -> cluster.ledger(scenario, workload).delivered() > 0);
        workload.publish(workload.stories());
        poll.run();

        long killedAt = System.nanoTime();
        LocalTime killedAtClock = LocalTime.now();
        kill.run();
        Set<String> atKill = done.call();
        DeliveryGap.assertInFlight(scenario, atKill, workload.expectedAlerts(), where);
        restart.run();
        return new Result(atKill.size(), DeliveryGap.await(cluster, scenario, workload, atKill, killedAt,
                ProofCluster.DRAIN), killedAtClock);
    }

    /**
     * @param killedAt the wall-clock time of the kill, to read the restarted service's log against
     */
    record Result(int doneAtKill, DeliveryGap gap, LocalTime killedAt) {
        private static final Pattern UP =
                Pattern.compile("(?m)^(\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) .*ops endpoints listening");

        /** How long the restarted JVM took to serve its ops endpoint: the part of the gap before Kafka is involved. */
        String upNote(NewsmonProcess restarted) throws IOException {
            Matcher m = UP.matcher(restarted.output());
            if (!m.find()) {
                return "";
            }
            Duration up = Duration.between(killedAt, LocalTime.parse(m.group(1)));
            return String.format("the restarted JVM up after %.1f s", up.toMillis() / 1000.0);
        }
    }
}
