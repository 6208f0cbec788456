package dev.newsmon.processor.tagging;

import org.junit.jupiter.api.Test;

/**
 * {@link PrefilterDifferentialTest}'s comparison with the Lucene monitor at full size: the shipped rules on every
 * labelled item and 100,000 generated and mutated ones. In the integration phase because it takes minutes.
 */
class PrefilterDifferentialIT {
    @Test
    void theShippedRulesMatchWhatTheMonitorMatchesOnAHundredThousandItems() throws Exception {
        PrefilterDifferentialTest.assertShippedRulesMatchTheMonitor(100_000, 23);
    }
}
