package dev.newsmon.processor.dedup;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DedupDecisionTest {
    private static final List<String> BANDS = List.of("b0:aa", "b1:bb", "b2:cc");

    private static BandAnswer answer(OrderKey self, String band, Candidate... candidates) {
        Bands bands = Bands.ofKeys(List.of(band));
        return new BandAnswer(self, bands, BANDS.size(),
                Arrays.stream(candidates).map(c -> new Found(c, bands)).toList(), null, null);
    }

    private static Candidate candidate(OrderKey other) {
        return new Candidate(other, other.eventMillis(), Bands.ofKeys(BANDS));
    }

    /** The answers as one answer, as a band task that owns all of their bands gives it. */
    private static BandAnswer merged(List<BandAnswer> answers) {
        Map<String, Found> found = new LinkedHashMap<>();
        Bands bands = Bands.NONE;
        for (BandAnswer a : answers) {
            bands = bands.union(a.bands());
            for (Found f : a.found()) {
                found.merge(f.candidate().itemId(), f,
                        (x, y) -> new Found(x.candidate(), x.inBands().union(y.inBands())));
            }
        }
        return new BandAnswer(answers.get(0).order(), bands, BANDS.size(), List.copyOf(found.values()), null, null);
    }

    /** The answers grouped as {@code groupOf} says (group of each band), one answer per group. */
    private static List<BandAnswer> grouped(List<BandAnswer> perBand, int[] groupOf) {
        Map<Integer, List<BandAnswer>> groups = new TreeMap<>();
        for (int b = 0; b < perBand.size(); b++) {
            groups.computeIfAbsent(groupOf[b], g -> new ArrayList<>()).add(perBand.get(b));
        }
        return groups.values().stream().map(DedupDecisionTest::merged).toList();
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
                    xAnswers.add(xFirst ? answer(x, band) : answer(x, band, candidate(y)));
                    yAnswers.add(xFirst ? answer(y, band, candidate(x)) : answer(y, band));
                }
                Optional<Candidate> xParent = DedupDecision.parents(x, xAnswers).stream().findFirst();
                Optional<Candidate> yParent = DedupDecision.parents(y, yAnswers).stream().findFirst();
                String split = "x=" + x.itemId() + " first-in-bands-mask=" + firstInBand;
                assertTrue(xParent.isPresent() ^ yParent.isPresent(), split);
                xParent.ifPresent(p -> assertEquals(y, p.order(), split));
                yParent.ifPresent(p -> assertEquals(x, p.order(), split));
                // However the bands are grouped into answers (by the partitions they fall in), the same decision.
                for (int[] groupOf : List.of(new int[] {0, 0, 0}, new int[] {0, 1, 0}, new int[] {1, 0, 0},
                        new int[] {0, 0, 1})) {
                    assertEquals(DedupDecision.parents(x, xAnswers), DedupDecision.parents(x, grouped(xAnswers,
                            groupOf)), split);
                    assertEquals(DedupDecision.parents(y, yAnswers), DedupDecision.parents(y, grouped(yAnswers,
                            groupOf)), split);
                }
            }
        }
    }

    @Test
    void raceIsWonByTheSmallerOrderKey() {
        OrderKey older = new OrderKey(1_000, "item-a");
        OrderKey newer = new OrderKey(2_000, "item-b");
        // Each found the other in some bands: processed in different orders on different tasks.
        List<BandAnswer> olderAnswers = List.of(answer(older, "b0:aa", candidate(newer)), answer(older, "b1:bb"),
                answer(older, "b2:cc"));
        List<BandAnswer> newerAnswers = List.of(answer(newer, "b0:aa"), answer(newer, "b1:bb", candidate(older)),
                answer(newer, "b2:cc", candidate(older)));

        assertEquals(List.of(), DedupDecision.parents(older, olderAnswers));
        assertEquals(List.of("item-a"), ids(DedupDecision.parents(newer, newerAnswers)));
    }

    @Test
    void candidatesFoundInMoreBandsComeFirstThenTheOlder() {
        OrderKey self = new OrderKey(5_000, "item-z");
        OrderKey a = new OrderKey(1_000, "item-a");
        OrderKey b = new OrderKey(2_000, "item-b");
        OrderKey c = new OrderKey(3_000, "item-c");
        // c shares all three bands with self, a and b only the first one.
        Candidate weakA = new Candidate(a, a.eventMillis(), Bands.of(0));
        Candidate weakB = new Candidate(b, b.eventMillis(), Bands.of(0));
        List<BandAnswer> answers = List.of(answer(self, "b0:aa", weakB, candidate(c), weakA),
                answer(self, "b1:bb", candidate(c)), answer(self, "b2:cc", candidate(c)));

        assertEquals(List.of("item-c", "item-a", "item-b"), ids(DedupDecision.parents(self, answers)));
    }

    @Test
    void atMostAFewCandidatesAreTried() {
        OrderKey self = new OrderKey(50_000, "item-z");
        Candidate[] many = new Candidate[DedupDecision.MAX_TRIED + 3];
        for (int i = 0; i < many.length; i++) {
            many[i] = candidate(new OrderKey(i, "item-" + i));
        }
        List<BandAnswer> answers = BANDS.stream().map(band -> answer(self, band, many)).toList();

        assertEquals(DedupDecision.MAX_TRIED, DedupDecision.parents(self, answers).size());
    }

    @Test
    void itemNeverParentsItself() {
        OrderKey self = new OrderKey(1_000, "item-a");
        List<BandAnswer> answers = BANDS.stream().map(b -> answer(self, b, candidate(self))).toList();

        assertEquals(List.of(), DedupDecision.parents(self, answers));
    }

    private static List<String> ids(List<Candidate> candidates) {
        return candidates.stream().map(Candidate::itemId).toList();
    }
}
