package dev.newsmon.app.proof;

import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The silence a crash causes: the time from the kill to the first alert delivered that was still in flight at the
 * kill (not delivered, or for a processor kill not even written to news.alerts), so that nothing the killed
 * service had already passed on counts as a recovery.
 *
 * @param gap      from the kill to that alert in the scenario's alerts file
 * @param nextItem the item of that alert
 */
record DeliveryGap(Duration gap, String nextItem) {
    private static final Duration POLL = Duration.ofMillis(50);

    /**
     * Waits for an alert of {@code workload} about an item not in {@code atKill}.
     *
     * @param killedAtNanos {@link System#nanoTime()} just before the kill
     */
    static DeliveryGap await(ProofCluster cluster, String scenario, StoryWorkload workload, Set<String> atKill,
                             long killedAtNanos, Duration timeout) throws Exception {
        Set<String> fresh = Awaitility.await("an alert after the kill in scenario " + scenario).atMost(timeout)
                .pollInterval(POLL).until(() -> {
                    Set<String> items = new HashSet<>(cluster.ledger(scenario, workload).items());
                    items.removeAll(atKill);
                    return items;
                }, items -> !items.isEmpty());
        return new DeliveryGap(Duration.ofNanos(System.nanoTime() - killedAtNanos), fresh.iterator().next());
    }

    /** Asserts the premise of a crash scenario: some of the workload's alerts were still in flight at the kill. */
    static void assertInFlight(String scenario, Set<String> doneAtKill, int expected, String where) {
        System.out.println("[proof] " + scenario + " | at the kill: " + doneAtKill.size() + " of " + expected
                + " alerts " + where + ", " + (expected - doneAtKill.size()) + " in flight");
        assertTrue(doneAtKill.size() < expected, scenario + ": every alert was " + where + " before the kill, so "
                + "the kill tested nothing; the scenario must kill with alerts in flight");
    }

    /** Prints the gap on the scenario's proof line, with {@code note} on what took the time (may be empty). */
    void report(String scenario, String kill, String note) {
        System.out.printf("[proof] %s | delivery gap: %s to the next alert %.1f s%s (item %s)%n", scenario, kill,
                gap.toMillis() / 1000.0, note.isEmpty() ? "" : ", " + note, nextItem);
    }

    void assertWithin(String scenario, Duration limit) {
        assertTrue(gap.compareTo(limit) <= 0, scenario + ": the next alert came " + gap.toMillis() + " ms after the "
                + "kill, more than " + limit);
    }
}
