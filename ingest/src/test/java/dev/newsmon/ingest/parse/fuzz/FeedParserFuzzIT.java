package dev.newsmon.ingest.parse.fuzz;

import org.junit.jupiter.api.Test;

/**
 * {@link FeedParserFuzzTest}'s run at full size, 10,000 mutated feeds: in the integration phase because it takes
 * tens of seconds of CPU.
 */
class FeedParserFuzzIT {
    @Test
    void mutatedFeedsParseOrFailCleanlyInTimeWithoutHeapGrowth() throws Exception {
        FeedParserFuzzTest.assertMutatedFeedsParseOrFailCleanly(Integer.getInteger("newsmon.fuzz.cases", 10_000));
    }
}
