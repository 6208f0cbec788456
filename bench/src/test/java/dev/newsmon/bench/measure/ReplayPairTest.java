package dev.newsmon.bench.measure;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReplayPairTest {
    private static ReplayPair pair(double full, double passThrough) {
        ProcessCpu.Used cpu = new ProcessCpu.Used(1.0, 1.0);
        return new ReplayPair(new Replay.Result(full, 0, cpu, Map.of(), 100),
                new Replay.Result(passThrough, 0, cpu, Map.of(), 100));
    }

    @Test
    void theMedianIsThePairOfTheMiddleRatioNotOfTheMiddleRates() {
        ReplayPair fastHour = pair(9_000, 36_000);
        ReplayPair slowHour = pair(4_000, 20_000);
        ReplayPair middle = pair(6_000, 27_000);
        assertSame(middle, ReplayPair.median(List.of(fastHour, slowHour, middle)));
        assertEquals(6_000.0 / 27_000, middle.ratio(), 1e-12);
    }

    @Test
    void internalRecordsPerItemSumsTheTopics() {
        Replay.Result r = new Replay.Result(1_000, 0, new ProcessCpu.Used(1, 1),
                Map.of("dedup-band-entries-changelog", 260L, "dedup-resolve", 90L), 100);
        assertEquals(3.5, r.internalRecordsPerItem(), 1e-12);
    }

    @Test
    void ofAnEvenNumberTheLowerMiddleCountsAndNoneIsAnError() {
        ReplayPair a = pair(1, 10);
        ReplayPair b = pair(2, 10);
        ReplayPair c = pair(3, 10);
        ReplayPair d = pair(4, 10);
        assertSame(b, ReplayPair.median(List.of(d, a, c, b)));
        assertThrows(IllegalArgumentException.class, () -> ReplayPair.median(List.of()));
    }
}
