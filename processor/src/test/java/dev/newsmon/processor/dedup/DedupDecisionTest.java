package dev.newsmon.processor.dedup;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DedupDecisionTest {
    private static final double THRESHOLD = 0.6;
    private static final List<String> BANDS = List.of("b0:aa", "b1:bb", "b2:cc");

    private static BandAnswer answer(OrderKey self, String band, Candidate... candidates) {
        return new BandAnswer(self, band, Fingerprint.bandIndex(band), BANDS.size(), List.of(candidates), null);
    }

    private static Candidate candidate(OrderKey other, double similarity) {
        return new Candidate(other, similarity, BANDS);
    }

    /**
     * Two copies race through three band tasks; in each band one of them is stored first and the other finds it.
     * Whatever the interleaving and whichever is older, exactly one becomes the other's parent.
     */
    @Test
    void racingCopiesAgreeOnExactlyOneParent() {
        OrderKey early = new OrderKey(1_000, "item-a");
        OrderKey late = new OrderKey(2_000, "item-b");
        for (List<OrderKey> pair : List.of(List.of(early, late), List.of(late, early))) {
            OrderKey x = pair.get(0);
            OrderKey y = pair.get(1);
            for (int firstInBand = 0; firstInBand < 1 << BANDS.size(); firstInBand++) {
                List<BandAnswer> xAnswers = new ArrayList<>();
                List<BandAnswer> yAnswers = new ArrayList<>();
                for (int b = 0; b < BANDS.size(); b++) {
                    boolean xFirst = (firstInBand & (1 << b)) != 0;
                    String band = BANDS.get(b);
                    xAnswers.add(xFirst ? answer(x, band) : answer(x, band, candidate(y, 0.9)));
                    yAnswers.add(xFirst ? answer(y, band, candidate(x, 0.9)) : answer(y, band));
                }
                Optional<Candidate> xParent = DedupDecision.parent(x, xAnswers, THRESHOLD);
                Optional<Candidate> yParent = DedupDecision.parent(y, yAnswers, THRESHOLD);
                String split = "x=" + x.itemId() + " first-in-bands-mask=" + firstInBand;
                assertTrue(xParent.isPresent() ^ yParent.isPresent(), split);
                xParent.ifPresent(p -> assertEquals(y, p.order(), split));
                yParent.ifPresent(p -> assertEquals(x, p.order(), split));
            }
        }
    }

    @Test
    void raceIsWonByTheSmallerOrderKey() {
        OrderKey older = new OrderKey(1_000, "item-a");
        OrderKey newer = new OrderKey(2_000, "item-b");
        // Each found the other in some bands: processed in different orders on different tasks.
        List<BandAnswer> olderAnswers = List.of(answer(older, "b0:aa", candidate(newer, 0.8)), answer(older, "b1:bb"),
                answer(older, "b2:cc"));
        List<BandAnswer> newerAnswers = List.of(answer(newer, "b0:aa"), answer(newer, "b1:bb", candidate(older, 0.8)),
                answer(newer, "b2:cc", candidate(older, 0.8)));

        assertEquals(Optional.empty(), DedupDecision.parent(older, olderAnswers, THRESHOLD));
        assertEquals("item-a", DedupDecision.parent(newer, newerAnswers, THRESHOLD).orElseThrow().itemId());
    }

    @Test
    void candidateBelowThresholdIsNoParent() {
        OrderKey self = new OrderKey(2_000, "item-b");
        OrderKey other = new OrderKey(1_000, "item-a");
        List<BandAnswer> answers = BANDS.stream().map(b -> answer(self, b, candidate(other, 0.59))).toList();

        assertEquals(Optional.empty(), DedupDecision.parent(self, answers, THRESHOLD));
    }

    @Test
    void mostSimilarParentWinsAndTiesGoToTheOlder() {
        OrderKey self = new OrderKey(5_000, "item-z");
        OrderKey a = new OrderKey(1_000, "item-a");
        OrderKey b = new OrderKey(2_000, "item-b");
        OrderKey c = new OrderKey(3_000, "item-c");
        List<BandAnswer> answers = BANDS.stream()
                .map(band -> answer(self, band, candidate(c, 0.95), candidate(b, 0.7), candidate(a, 0.7))).toList();
        assertEquals("item-c", DedupDecision.parent(self, answers, THRESHOLD).orElseThrow().itemId());

        List<BandAnswer> tied = BANDS.stream()
                .map(band -> answer(self, band, candidate(b, 0.8), candidate(a, 0.8))).toList();
        assertEquals("item-a", DedupDecision.parent(self, tied, THRESHOLD).orElseThrow().itemId());
    }

    @Test
    void itemNeverParentsItself() {
        OrderKey self = new OrderKey(1_000, "item-a");
        List<BandAnswer> answers = BANDS.stream().map(b -> answer(self, b, candidate(self, 1.0))).toList();

        assertEquals(Optional.empty(), DedupDecision.parent(self, answers, THRESHOLD));
    }
}
