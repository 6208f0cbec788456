package dev.newsmon.processor.tagging;

import org.junit.jupiter.api.Test;

/**
 * {@link PrefilterDifferentialTest}'s comparison with the Lucene monitor at full size: the shipped rules on every
 * labelled item and 100,000 generated and mutated ones. It computes for minutes, so {@code mvn verify} leaves it out
 * and {@code .ci/run} runs it as a step of its own:
 * {@code mvn -B -pl processor -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=PrefilterDifferentialIT -Dit.failIfNoSpecifiedTests=false}.
 */
class PrefilterDifferentialIT {
    @Test
    void theShippedRulesMatchWhatTheMonitorMatchesOnAHundredThousandItems() throws Exception {
        PrefilterDifferentialTest.assertShippedRulesMatchTheMonitor(100_000, 23);
    }
}
