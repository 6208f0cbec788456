package dev.newsmon.bench;

import dev.newsmon.bench.workload.SteadyFeeds;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SteadyBenchTest {
    private static final long SENT_AT = 1_000_000;

    /** Two seconds of warm-up items at 10 a second, one of measured ones at {@code rate}, and one poll of every feed. */
    private static SteadyFeeds polledOnce(int feeds, int rate) {
        SteadyFeeds workload = new SteadyFeeds(feeds, List.of(new SteadyFeeds.Step(10, Duration.ofSeconds(2)),
                new SteadyFeeds.Step(rate, Duration.ofSeconds(1))), 0.5, 0.5, 3);
        workload.start(System.currentTimeMillis() - 10_000);
        for (int feed = 0; feed < feeds; feed++) {
            workload.sent(feed, workload.document(feed), SENT_AT);
        }
        return workload;
    }

    @Test
    void anItemThatLeftItsFeedUnpolledIsToldApartFromAMissingAlert() {
        // 4 feeds, 20 warm-up items then 100 measured ones: each feed made 30 and shows its latest 20, so items 0 to
        // 39 (the first 10 of every feed) had scrolled out when the only poll came.
        SteadyFeeds workload = polledOnce(4, 100);
        Map<Integer, Long> alerted = new HashMap<>();
        long scrolledOut = 0;
        int notAlerted = -1;
        for (int n = 20; n < 120; n++) {
            if (!workload.tagged(n)) {
                continue;
            }
            if (n < 40) {
                scrolledOut++;
            } else if (notAlerted < 0) {
                notAlerted = n;
            } else {
                alerted.put(n, SENT_AT + 500);
            }
        }
        assertTrue(scrolledOut > 0 && notAlerted >= 0, "the seed makes both cases");

        List<SteadyReport.Step> steps = SteadyBench.steps(workload, alerted);

        assertEquals(1, steps.size(), "the warm-up is left out");
        SteadyReport.Step step = steps.get(0);
        assertEquals(100, step.items());
        assertEquals(scrolledOut, step.unpolledItems());
        assertEquals(1, step.missingAlerts());
        assertEquals(alerted.size(), step.alerts());
        assertEquals(step.taggedItems(), step.unpolledItems() + step.missingAlerts() + step.alerts());
        assertEquals(500, step.latencyMillis().p99());
        assertFalse(step.complete());
        assertFalse(step.meets(2000));
    }

    @Test
    void aStepWhoseTaggedItemsWereAllFetchedAndAlertedInTimeMeetsTheTarget() {
        SteadyFeeds workload = polledOnce(8, 40);
        Map<Integer, Long> alerted = new HashMap<>();
        for (int n = 0; n < workload.made(); n++) {
            if (workload.tagged(n)) {
                alerted.put(n, SENT_AT + 1500);
            }
        }

        SteadyReport.Step step = SteadyBench.steps(workload, alerted).get(0);

        assertTrue(step.complete());
        assertTrue(step.meets(2000));
        assertFalse(step.meets(1000), "p99 1.5 s is over a 1 s target");
    }
}
